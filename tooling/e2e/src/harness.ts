/**
 * Browser-test harness: the real server (real API, real database, the built admin) on a free
 * port, and Debian's Chromium driven by playwright-core. Each spec file gets its own server and
 * a fresh database, so files never see each other's changes.
 *
 *   const tribune = useTribune();            // in a spec file: starts/stops server + browser
 *   const page = await tribune.page();       // a fresh browser context (French, Paris time)
 *   await logIn(page, "organiser");
 *   await shoot(page, "salles-liste");       // → tooling/e2e/artifacts/salles-liste.png
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Role } from "@tribune/domain";
import pg from "pg";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium";
/** Every demo account (`<role>@tribune.demo`) gets this password. */
export const DEMO_PASSWORD = "e2e-demo-password-2026";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** Installs Chromium from Debian if it is missing (idempotent, quick when present). */
export function ensureChromium() {
  execFileSync("bash", [join(ROOT, "tooling/scripts/ensure-chromium.sh")], { stdio: "inherit" });
}

/** Builds the web admin the server serves. Skipped with E2E_SKIP_BUILD=1 (the caller built it). */
export function buildAdmin() {
  if (process.env.E2E_SKIP_BUILD === "1") return;
  try {
    execFileSync("pnpm", ["--silent", "--filter", "@tribune/admin", "build"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    // Vite's warnings are the admin's business; its output matters only when the build fails.
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`The admin build failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** A fresh database: a PGlite data directory, or a new database on TEST_DATABASE_URL's server. */
async function freshDatabase(): Promise<{
  env: Record<string, string>;
  drop: () => Promise<void>;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), "tribune-e2e-"));
    return {
      env: { TRIBUNE_DATA_DIR: dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `tribune_e2e_${randomBytes(6).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => run(`drop database if exists ${name} with (force)`),
  };
}

export interface RunningServer {
  url: string;
  database: "pglite" | "postgres";
  /** What the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Spawns `node --import tsx apps/server/src/main.ts` on a free port and waits for /healthz. */
export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const database = await freshDatabase();
  const env: NodeJS.ProcessEnv = { ...process.env };
  // What the parent shell may carry must not leak into the server under test.
  for (const key of [
    "DATABASE_URL",
    "TRIBUNE_DATA_DIR",
    "TRIBUNE_PUBLIC_URL",
    "INIT_CWD",
    "PORT",
  ]) {
    delete env[key];
  }
  Object.assign(env, database.env, {
    PORT: String(port),
    HOST: "127.0.0.1",
    TRIBUNE_DEMO_PASSWORD: DEMO_PASSWORD,
  });
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "apps/server/src/main.ts"],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await database.drop();
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await database.drop();
      throw new Error(`The server exited (${child.exitCode}) before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer /healthz within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    database: "DATABASE_URL" in database.env ? "postgres" : "pglite",
    output: () => output,
    stop,
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Tribune {
  /** The server's base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly browser: Browser;
  readonly server: RunningServer;
  /** A page in a new browser context: French, Paris time, 1280×900, unless told otherwise. */
  page(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * In a spec file: starts a server on a fresh database and a browser before the file's tests,
 * and stops both after them. Every page it hands out is closed at the end too.
 */
export function useTribune(): Tribune {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.allSettled(contexts.map((context) => context.close()));
    await browser?.close();
    await server?.stop();
  });
  const running = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useTribune(): used outside a test");
    return value;
  };
  return {
    get url() {
      return running(server).url;
    },
    get browser() {
      return running(browser);
    },
    get server() {
      return running(server);
    },
    async page(options = {}) {
      const context = await running(browser).newContext({
        baseURL: running(server).url,
        locale: "fr-FR",
        timezoneId: "Europe/Paris",
        viewport: { width: 1280, height: 900 },
        ...options,
      });
      // Waits fail after 15 s rather than the test's 60: a missing element says so sooner.
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context.newPage();
    },
  };
}

export const demoEmail = (role: Role) => `${role}@tribune.demo`;

/** Logs in through the login page and waits to leave it. */
export async function logIn(page: Page, role: Role, goTo = "/connexion") {
  await page.goto(goTo);
  await page.getByLabel("Adresse e-mail").fill(demoEmail(role));
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

/** A full-page screenshot in tooling/e2e/artifacts/<name>.png; returns the file's path. */
export async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Calls a tRPC query with the page's cookies, to check what the server stored rather than
 * what the page shows.
 */
export async function query<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await page.request.get(`/trpc/${path}${search}`);
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!body.result) throw new Error(`${path}: ${body.error?.message ?? response.status()}`);
  return body.result.data;
}

/**
 * Calls a tRPC mutation with the page's cookies: to log in over the API, or to put the data
 * in a known state before a test drives the page.
 */
export async function mutate<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const response = await page.request.post(`/trpc/${path}`, {
    ...(input === undefined ? {} : { data: input }),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!body.result) throw new Error(`${path}: ${body.error?.message ?? response.status()}`);
  return body.result.data;
}

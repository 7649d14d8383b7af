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
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freshDatabase, startTribune } from "@tribune/cli-kit/testing";
import type { Role } from "@tribune/domain/auth";
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

export interface RunningServer {
  url: string;
  database: "pglite" | "postgres";
  /** What the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The real server on a fresh database: PGlite, or a new one on TEST_DATABASE_URL's server.
 * `env` adds to its environment (TRIBUNE_SMTP_URL, for a spec that reads the e-mail).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const database = await freshDatabase(process.env.TEST_DATABASE_URL);
  try {
    const server = await startTribune({
      env: { ...database.env, ...env },
      demoPassword: DEMO_PASSWORD,
    });
    return {
      url: server.url,
      database: database.kind,
      output: server.output,
      stop: async () => {
        await server.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
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
export function useTribune(options: { env?: () => Record<string, string> } = {}): Tribune {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(options.env?.()), launchBrowser()]);
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
  await submitLogin(page, role);
}

/**
 * Fills and sends the login form the page shows now, without reloading it: what a person does
 * after the app sent them to the login page (a reload would hide a stale in-memory state).
 */
export async function submitLogin(page: Page, role: Role) {
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

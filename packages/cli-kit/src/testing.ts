/**
 * The one way tests, browser tests and benches start a real Tribune server: `pnpm start`'s
 * entry point run by tsx from the repository root, on a free port, with demo accounts of a
 * known password, on a PGlite folder or a PostgreSQL database made for the run. Also runs the
 * command-line apps as child processes. The demo is on (TRIBUNE_DEMO=on) unless asked otherwise.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const DEMO_PASSWORD = "demo-password-2026";

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Our environment minus whatever would point a child at another server, database or account. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const ours = Object.entries(process.env).filter(
    ([key]) =>
      !key.startsWith("TRIBUNE_") &&
      !["DATABASE_URL", "PORT", "HOST", "XDG_CONFIG_HOME", "INIT_CWD"].includes(key),
  );
  return { ...Object.fromEntries(ours), ...env };
}

export interface FreshDatabase {
  kind: "pglite" | "postgres";
  /** The PostgreSQL database's name; null on PGlite. */
  name: string | null;
  /** The server's settings for it: TRIBUNE_DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * An empty database for one run: a new database on the PostgreSQL server at `serverUrl`
 * (dropped by `drop()`), else a PGlite folder in the temp directory (deleted by `drop()`).
 */
export async function freshDatabase(serverUrl?: string): Promise<FreshDatabase> {
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), "tribune-run-"));
    return {
      kind: "pglite",
      name: null,
      env: { TRIBUNE_DATA_DIR: dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `tribune_run_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    name,
    env: { DATABASE_URL: url.toString() },
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

export interface TribuneOptions {
  /** TRIBUNE_DATA_DIR or DATABASE_URL, and any other server setting (TRIBUNE_RATE_LIMITS…). */
  env: Record<string, string>;
  /** Default: a free one. A restarted server may take its predecessor's port back. */
  port?: number;
  demoPassword?: string;
  /**
   * TRIBUNE_DEMO: "on" (the default here: browser tests and benches log in with the demo
   * accounts, on PGlite and PostgreSQL alike), "off", or "unset" to start as production does.
   */
  demo?: "on" | "off" | "unset";
  timeoutMs?: number;
  /** Node options before the entry point, e.g. --cpu-prof. */
  nodeArgs?: string[];
}

export interface RunningTribune {
  url: string;
  port: number;
  child: ChildProcess;
  /** What the server printed, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

/** Starts `apps/server` and resolves once /healthz answers; throws with its output otherwise. */
export async function startTribune(options: TribuneOptions): Promise<RunningTribune> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const args = [...(options.nodeArgs ?? []), "--import", "tsx", "apps/server/src/main.ts"];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnv({
      ...((options.demo ?? "on") !== "unset" && { TRIBUNE_DEMO: options.demo ?? "on" }),
      ...options.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      TRIBUNE_DEMO_PASSWORD: options.demoPassword ?? DEMO_PASSWORD,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const running: RunningTribune = {
    url,
    port,
    child,
    output: () => output,
    stop: () => stopServer(child),
  };

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return running;
    if (child.exitCode !== null)
      throw new Error(`The server exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      await running.stop();
      throw new Error(`The server did not answer /healthz in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Starts `apps/server` on PGlite in `dataDir` and waits until it answers. */
export async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  return (await startTribune({ port, env: { TRIBUNE_DATA_DIR: dataDir } })).child;
}

export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, "exit");
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command-line app of the repository as `pnpm <script>` does (tsx, from the root). */
export async function runTsx(
  entry: string,
  args: string[],
  env: Record<string, string>,
): Promise<Run> {
  const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const [code] = await once(child, "close");
  return { code, stdout, stderr };
}

/**
 * Test support for the command-line apps: a real Tribune server started as a user would
 * (tsx, PGlite in a temp folder, demo accounts with a known password), and the apps run as
 * child processes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

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

/** Our environment, minus anything that would point a child at another database or account. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const {
    DATABASE_URL: _u,
    TRIBUNE_DATA_DIR: _d,
    PORT: _p,
    TRIBUNE_EMAIL: _e,
    TRIBUNE_PASSWORD: _w,
    XDG_CONFIG_HOME: _x,
    INIT_CWD: _i,
    ...rest
  } = process.env;
  return { ...rest, ...env };
}

/** Starts `apps/server` (tsx, PGlite in `dataDir`) and waits until it answers. */
export async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const url = `http://127.0.0.1:${port}`;
  let log = "";
  const server = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    cwd: ROOT,
    env: childEnv({
      PORT: String(port),
      HOST: "127.0.0.1",
      TRIBUNE_DATA_DIR: dataDir,
      TRIBUNE_DEMO_PASSWORD: DEMO_PASSWORD,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => (log += chunk));
  const deadline = Date.now() + 80_000;
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    if (Date.now() > deadline || server.exitCode !== null)
      throw new Error(`server did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill("SIGTERM");
    await once(server, "exit");
  }
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

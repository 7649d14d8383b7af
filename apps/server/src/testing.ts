import { spawn } from "node:child_process";
import { once } from "node:events";
import { childEnv, ROOT } from "@tribune/cli-kit/testing";
import { type AppOptions, createApp } from "./http/app";

/** Test helpers: an in-process server, and the accounts CLI run as a child process. */

export { freePort } from "@tribune/cli-kit/testing";

/** Serves `createApp(options)` on a free port of 127.0.0.1. */
export async function startApp(options: AppOptions) {
  const app = await createApp(options);
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url,
    close: async () => {
      // Live streams never end by themselves: cut every connection, then close.
      app.server.closeAllConnections();
      await app.close();
    },
  };
}

/** Starts `node --import tsx <script> …args` from the repository root. */
export function spawnTsx(script: string, args: string[], env: Record<string, string>) {
  return spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ["pipe", "pipe", "pipe"],
  });
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the accounts CLI to completion, with `input` on its standard input. */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  input = "",
): Promise<RunResult> {
  const child = spawnTsx("apps/server/src/cli/main.ts", args, env);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.stdin.end(input);
  const [code] = await once(child, "close");
  return { code, stdout, stderr };
}

/** POSTs a tRPC mutation (non-batched: the body is the raw input) and returns the response. */
export function trpcPost(
  url: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${url}/trpc/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(input),
  });
}

/** GETs a tRPC query. */
export function trpcGet(
  url: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
) {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return fetch(`${url}/trpc/${path}${query}`, { headers });
}

/** Logs in over HTTP and returns the `name=value` pair to send back as Cookie. */
export async function logIn(url: string, email: string, password: string): Promise<string> {
  const res = await trpcPost(url, "auth.login", { email, password });
  if (res.status !== 200)
    throw new Error(`login of ${email} failed: ${res.status} ${await res.text()}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

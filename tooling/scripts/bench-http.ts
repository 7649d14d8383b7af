#!/usr/bin/env -S node --import tsx
/**
 * The public read path against its floors, in one run (issue 14). Each target is served by a
 * child process of its own, the load generator (autocannon, 32 connections) runs here:
 *   - floor: a raw `node:http` JSON hello;
 *   - for information, the same hello through Fastify (what the framework itself costs), and
 *     the same programme.json bytes from a raw server (what sending a body that size costs);
 *   - floor: a bare tRPC standalone server, one query with a zod input;
 *   - Tribune on a fresh demo PGlite database (and on PostgreSQL when TEST_DATABASE_URL or
 *     DATABASE_URL names a server: a new database is created there and dropped after):
 *     GET /api/editions/2026/programme.json (as autocannon asks: uncompressed; then as a
 *     browser asks: Accept-Encoding gzip/br), tRPC schedule.programme, tRPC edition.byYear.
 * Prints requests/s, p99 and the ratios the targets name:
 *   programme.json ≥ 0.5× raw; edition.byYear ≥ 0.7× and schedule.programme ≥ 0.5× bare tRPC;
 *   p99 < 50 ms.
 *
 *   pnpm bench:http [--duration 5] [--warmup 2] [--connections 32] [--profile]
 * `--profile` writes a CPU profile of each Tribune server under load (the inspector's profiler) to
 * the system's temporary folder and prints its heaviest functions (self time).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
  options: {
    serve: { type: "string" },
    duration: { type: "string", default: "5" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "32" },
    profile: { type: "boolean", default: false },
  },
});

const YEAR = 2026;
const PROGRAMME_JSON = `/api/editions/${YEAR}/programme.json`;
const yearInput = `?input=${encodeURIComponent(JSON.stringify({ year: YEAR }))}`;
const SCHEDULE_PROGRAMME = `/trpc/schedule.programme${yearInput}`;
const EDITION_BY_YEAR = `/trpc/edition.byYear${yearInput}`;
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/** Child side: serves one target on a free port and prints `port <n>` once listening. */
async function serve(target: string): Promise<void> {
  let url: string;
  let close: () => Promise<void>;
  // The frameworks answer a JSON hello, or BENCH_BODY_FILE's bytes when it is set (Tribune's
  // programme.json: what sending a body that size costs through each of them).
  const bodyFile = process.env.BENCH_BODY_FILE;
  const body = bodyFile ? readFileSync(bodyFile) : Buffer.from(JSON.stringify({ hello: "world" }));
  if (target === "raw") {
    const server = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length });
      res.end(body);
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => void server.close();
  } else if (target === "fastify") {
    const { default: Fastify } = await import("fastify");
    const app = Fastify();
    app.get("/", (_req, reply) => reply.type("application/json").send(body));
    url = await app.listen({ port: 0, host: "127.0.0.1" });
    close = () => app.close();
  } else if (target === "hono") {
    // The alternative the architecture issue names: Hono on its Node adapter.
    const { Hono } = await import("hono");
    const { serve: serveHono } = await import("@hono/node-server");
    const app = new Hono();
    app.get("/", (c) => c.body(new Uint8Array(body), 200, { "Content-Type": "application/json" }));
    const server = serveHono({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => void server.close();
  } else if (target === "trpc") {
    const { initTRPC } = await import("@trpc/server");
    const { createHTTPServer } = await import("@trpc/server/adapters/standalone");
    const { z } = await import("zod");
    const t = initTRPC.create();
    const router = t.router({
      edition: t.router({
        byYear: t.procedure
          .input(z.object({ year: z.number().int().min(2000).max(2100) }))
          .query(({ input }) => ({ year: input.year, city: "Dijon", number: 26 })),
      }),
    });
    const server = createHTTPServer({ router, basePath: "/trpc/" });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => void server.close();
  } else {
    const { openDatabase } = await import("@tribune/db");
    const { openTestDatabase } = await import("@tribune/db/testing");
    const { bootstrap } = await import("@tribune/server/bootstrap");
    const { startApp } = await import("@tribune/server/testing");
    const database =
      target === "postgres"
        ? await openTestDatabase("postgres")
        : await openDatabase({ memory: true });
    await bootstrap(database.db, { demo: true });
    const app = await startApp({ database, rateLimits: null });
    url = app.url;
    close = async () => {
      await app.close();
      await database.close();
    };
  }
  // The profile covers the load only, not the start (migrations, demo data, password hashing).
  const profileFile = process.env.BENCH_PROFILE_FILE;
  const stopProfile = profileFile ? await startProfile(profileFile) : async () => {};
  process.stdout.write(`port ${new URL(url).port}\n`);
  const stop = () =>
    void stopProfile()
      .then(close)
      .then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** Starts the V8 profiler in this process; the function returned writes the profile to `file`. */
async function startProfile(file: string): Promise<() => Promise<void>> {
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
  };
}

const PROFILE_DIR = join(tmpdir(), "tribune-bench-http-profiles");
/** Tribune's programme.json as served, for the frameworks' body rows. */
const BODY_FILE = join(PROFILE_DIR, "programme.json");

async function fetchBody(url: string): Promise<Buffer> {
  const response = await fetch(url, { headers: { "accept-encoding": "identity" } });
  return Buffer.from(await response.arrayBuffer());
}

/** Parent side: starts `--serve target` in a child and waits for its port. */
async function startTarget(
  target: string,
  extraEnv: Record<string, string> = {},
): Promise<{ base: string; child: ChildProcess }> {
  const nodeArgs = ["--import", "tsx"];
  const env = { ...process.env, ...extraEnv };
  if (options.profile && (target === "pglite" || target === "postgres"))
    env.BENCH_PROFILE_FILE = join(PROFILE_DIR, target, "load.cpuprofile");
  if (target === "postgres" && POSTGRES_URL) env.TEST_DATABASE_URL = POSTGRES_URL;
  const child = spawn(
    process.execPath,
    [...nodeArgs, fileURLToPath(import.meta.url), "--serve", target],
    { env, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/port (\d+)/);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`${target} exited (${code}) before listening`)));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

async function stopTarget(child: ChildProcess): Promise<void> {
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

interface Figures {
  name: string;
  rps: number;
  p99: number;
  errors: number;
}

/** What a browser sends: every one asks for compression. */
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br, zstd" };

async function hit(
  name: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<Figures> {
  const { default: autocannon } = await import("autocannon");
  const connections = Number(options.connections);
  const run = (duration: number) => autocannon({ url, connections, duration, headers });
  await run(Number(options.warmup));
  const result = await run(Number(options.duration));
  const errors = result.errors + result.timeouts + result.non2xx;
  return { name, rps: result.requests.average, p99: result.latency.p99, errors };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
}

/**
 * The functions with the most self time in the busiest profile of `dir` (node writes one per
 * thread: tsx's loader has its own), idle time left out.
 */
function topFrames(dir: string, count = 15): string[] {
  const profiles = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as CpuProfile);
  const selfTimes = profiles.map((profile) => {
    const hits = new Map<number, number>();
    for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
    const byFrame = new Map<string, number>();
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === "(idle)") continue;
      const where = url
        .replace(/^.*node_modules\/(\.pnpm\/)?/, "")
        .replace(/^file:\/\/.*\/work\/main\//, "");
      const key = `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`;
      byFrame.set(key, (byFrame.get(key) ?? 0) + (hits.get(node.id) ?? 0));
    }
    const busy = [...byFrame.values()].reduce((a, b) => a + b, 0);
    return { byFrame, busy };
  });
  const busiest = selfTimes.sort((a, b) => b.busy - a.busy)[0];
  if (!busiest) return [];
  return [...busiest.byFrame.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, n]) => `${((100 * n) / (busiest.busy || 1)).toFixed(1).padStart(5)} %  ${key}`);
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const ratio = (n: number, floor: number) => `${(n / floor).toFixed(2)}×`;

async function main(): Promise<void> {
  if (options.profile) rmSync(PROFILE_DIR, { recursive: true, force: true });
  mkdirSync(PROFILE_DIR, { recursive: true });
  const results: Figures[] = [];
  const measure = async (
    target: string,
    paths: [string, string, Record<string, string>?][],
    env: Record<string, string> = {},
  ) => {
    const { base, child } = await startTarget(target, env);
    try {
      if (target === "pglite") writeFileSync(BODY_FILE, await fetchBody(base + PROGRAMME_JSON));
      for (const [name, path, headers] of paths) {
        const figures = await hit(name, base + path, headers);
        results.push(figures);
        console.error(`  ${name}: ${fmt(figures.rps)} req/s, p99 ${figures.p99} ms`);
      }
    } finally {
      await stopTarget(child);
    }
  };
  console.error(
    `bench-http: ${options.connections} connections, ${options.duration} s each after ${options.warmup} s of warm-up`,
  );
  await measure("raw", [["raw node:http hello (floor)", "/"]]);
  await measure("trpc", [["bare tRPC query + zod (floor)", `/trpc/edition.byYear${yearInput}`]]);
  const backends = POSTGRES_URL ? ["pglite", "postgres"] : ["pglite"];
  for (const backend of backends)
    await measure(backend, [
      [`${backend}: programme.json`, PROGRAMME_JSON],
      [`${backend}: programme.json, compressed`, PROGRAMME_JSON, BROWSER_HEADERS],
      [`${backend}: schedule.programme`, SCHEDULE_PROGRAMME],
      [`${backend}: edition.byYear`, EDITION_BY_YEAR],
    ]);
  const tribune = results.splice(2);
  const raw = results[0] as Figures;
  const trpc = results[1] as Figures;

  // For information, the frameworks (issue 12: Fastify or Hono, by measurement): a hello, then
  // the bytes of programme.json (what a body that size costs with no Tribune code at all).
  const bodyKb = Math.round(readFileSync(BODY_FILE).byteLength / 1024);
  const frameworks: Figures[] = [];
  for (const [target, name] of [
    ["fastify", "Fastify"],
    ["hono", "Hono (node-server)"],
  ] as const) {
    await measure(target, [[`${name} JSON hello`, "/"]]);
    frameworks.push(results.pop() as Figures);
  }
  for (const [target, name] of [
    ["raw", "raw node:http"],
    ["fastify", "Fastify"],
    ["hono", "Hono (node-server)"],
  ] as const) {
    await measure(target, [[`${name}, programme.json's ${bodyKb} KB`, "/"]], {
      BENCH_BODY_FILE: BODY_FILE,
    });
    frameworks.push(results.pop() as Figures);
  }

  const rows: string[][] = [
    ["target", "req/s", "p99 (ms)", "errors", "ratio", "target ratio", "ok"],
    [raw.name, fmt(raw.rps), String(raw.p99), String(raw.errors), "1", "", ""],
    [trpc.name, fmt(trpc.rps), String(trpc.p99), String(trpc.errors), "1", "", ""],
  ];
  for (const r of tribune) {
    const [floor, wanted] = r.name.includes("programme.json")
      ? [raw, 0.5]
      : r.name.endsWith("schedule.programme")
        ? [trpc, 0.5]
        : [trpc, 0.7];
    const met = r.rps / floor.rps >= wanted && r.p99 < 50 && r.errors === 0;
    rows.push([
      r.name,
      fmt(r.rps),
      String(r.p99),
      String(r.errors),
      `${ratio(r.rps, floor.rps)} ${floor === raw ? "raw" : "tRPC"}`,
      `≥ ${wanted}×, p99 < 50`,
      met ? "yes" : "NO",
    ]);
  }
  rows.push(["for information", "", "", "", "", "", ""]);
  for (const r of frameworks)
    rows.push([
      r.name,
      fmt(r.rps),
      String(r.p99),
      String(r.errors),
      `${ratio(r.rps, raw.rps)} raw`,
      "",
      "",
    ]);
  const widths =
    rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));

  if (options.profile)
    for (const backend of backends) {
      console.log(`\nCPU profile of the ${backend} server, share of busy self time:`);
      for (const line of topFrames(join(PROFILE_DIR, backend))) console.log(line);
    }
}

if (options.serve) {
  serve(options.serve).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

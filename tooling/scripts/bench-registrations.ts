#!/usr/bin/env -S node --import tsx
/**
 * Registration and check-in under load, over HTTP against the real server (loopback). Prints
 * figures; exits 1 only when an invariant breaks (a registration lost or duplicated, more
 * confirmed places than the capacity, a 5xx).
 *
 *   pnpm exec tsx tooling/scripts/bench-registrations.ts                 # PGlite, then PostgreSQL
 *   pnpm exec tsx tooling/scripts/bench-registrations.ts --backend postgres --duration 60
 *   pnpm exec tsx tooling/scripts/bench-registrations.ts --backend postgres --cpu-prof /tmp/prof
 *
 * Quick run (a minute or two): --backend pglite --requests 100 --joins 50
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the
 * server; a fresh database is created on it for each run and dropped afterwards.
 *
 * Scenarios, per backend:
 *   1. 1,000 concurrent self-registrations, capacity exactly 1,000: all confirmed, none lost or
 *      duplicated; throughput and latency. The public answer is the same for every address
 *      ({editionId, firstName, email}): codes and places are read as the organisers see them
 *      (registration.list), the attendee's own copy being the message in the outbox.
 *   2. 1,000 more, concurrent, with 100 places left: exactly 100 confirmed, 900 waitlisted in
 *      arrival order (positions 1..900, registration times increasing with position).
 *   3. 200 of them retried with their idempotency keys: the same answers, nothing written.
 *   4. Workshop sign-up: --joins concurrent sign-ups (default 500) for one workshop of 50
 *      places: exactly 50 confirmed, the rest waitlisted in arrival order.
 *   5. Check-in burst (PostgreSQL; --checkin-everywhere for PGlite too): 100 concurrent clients
 *      (--clients) checking people in by code as the desk does, for --duration seconds twice:
 *      a) paced at --rate check-ins per second in all (default 50, 30× the morning rush): the
 *         latency a desk sees under a heavy but real load;
 *      b) saturation, each client sending again as soon as answered: the headroom (throughput).
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { freshDatabase, startTribune } from "@tribune/cli-kit/testing";
import pg from "pg";

// Run as CommonJS by tsx (this package has no "type"): no import.meta, no top-level await.
const EDITION = "00000001-0000-4000-8000-00000000001a";
const PASSWORD = "bench-password-2026";
const SUBDIVISIONS = Array.from(
  { length: 23 },
  (_, i) => `00000010-0000-4000-8000-${(i + 1).toString(16).padStart(12, "0")}`,
);

const { values: options } = parseArgs({
  options: {
    backend: { type: "string", default: "both" },
    requests: { type: "string", default: "1000" },
    duration: { type: "string", default: "60" },
    clients: { type: "string", default: "100" },
    joins: { type: "string", default: "500" },
    rate: { type: "string", default: "50" },
    "checkin-everywhere": { type: "boolean", default: false },
    /** A folder: the server writes a CPU profile there when it stops (open it in Chrome's devtools). */
    "cpu-prof": { type: "string" },
  },
});
const REQUESTS = Number(options.requests);
const DURATION_S = Number(options.duration);
const CLIENTS = Number(options.clients);
const JOINS = Number(options.joins);
/** Check-ins per second, all desks together, in the paced part of the check-in burst. */
const RATE = Number(options.rate);
const REAL_RUSH_PER_SECOND = 1000 / 600;
const WORKSHOP_PLACES = 50;
const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

// --- Server ---------------------------------------------------------------------------------

/** User + system CPU seconds of a local process, from /proc (Linux); 0 if unreadable. */
function processCpuSeconds(pid: number): number {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;

/** CPU seconds of each PostgreSQL backend serving a database, when it runs on this machine. */
async function backendsCpuSeconds(database: string): Promise<Map<number, number> | null> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = $1",
      [database],
    );
    if (rows.length === 0 || !existsSync(`/proc/${rows[0]?.pid}`)) return null;
    return new Map(rows.map((r) => [r.pid, processCpuSeconds(r.pid)]));
  } finally {
    await client.end();
  }
}

interface Server {
  url: string;
  /** CPU seconds used so far by the server process, and by each of its database's backends. */
  cpuSeconds(): Promise<{ server: number; database: Map<number, number> | null }>;
  stop(): Promise<void>;
}

async function startServer(backend: "pglite" | "postgres"): Promise<Server> {
  const database = await freshDatabase(backend === "postgres" ? PG_URL : undefined);
  // A thousand registrations from one address is the bench, not an attack: lift the allowances.
  const server = await startTribune({
    env: { ...database.env, TRIBUNE_RATE_LIMITS: "off" },
    demoPassword: PASSWORD,
    nodeArgs: options["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${options["cpu-prof"]}`] : [],
  }).catch(async (error) => {
    await database.drop();
    throw error;
  });
  const pid = server.child.pid;
  return {
    url: server.url,
    cpuSeconds: async () => ({
      server: pid ? processCpuSeconds(pid) : 0,
      database: database.name ? await backendsCpuSeconds(database.name) : null,
    }),
    stop: async () => {
      await server.stop();
      await database.drop();
    },
  };
}

// --- HTTP helpers --------------------------------------------------------------------------

interface Timed<T> {
  status: number;
  ms: number;
  data: T | null;
  error: string | null;
}

async function post<T>(url: string, path: string, input: unknown, cookie = ""): Promise<Timed<T>> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}/trpc/${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
    return {
      status: res.status,
      ms: performance.now() - started,
      data: body.result?.data ?? null,
      error: body.error?.message ?? null,
    };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, data: null, error: String(error) };
  }
}

async function get<T>(url: string, path: string, input: unknown, cookie: string): Promise<T> {
  const res = await fetch(
    `${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
    { headers: { Cookie: cookie } },
  );
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!body.result) throw new Error(`${path}: ${body.error?.message ?? res.status}`);
  return body.result.data;
}

async function logIn(url: string, role: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: `${role}@tribune.demo`, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${await res.text()}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");

function latencyLine(label: string, samples: number[], seconds: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label.padEnd(44)} n=${String(samples.length).padStart(6)}  ${fmt(samples.length / seconds).padStart(7)}/s  p50 ${fmt(percentile(sorted, 50)).padStart(7)} ms  p95 ${fmt(percentile(sorted, 95)).padStart(7)} ms  p99 ${fmt(percentile(sorted, 99)).padStart(7)} ms  max ${fmt(sorted.at(-1) ?? Number.NaN).padStart(7)} ms`;
}

let failures = 0;
function check(ok: boolean, what: string) {
  console.log(`  ${ok ? "ok " : "KO "} ${what}`);
  if (!ok) failures += 1;
}

// --- Scenarios -----------------------------------------------------------------------------

/** The public answer: the same for every address, whether it was new, waiting or known. */
interface Acknowledgement {
  editionId: string;
  firstName: string;
  email: string;
}
/** A registration as the organisers list it: the code and the place are there. */
interface Registration {
  id: string;
  code: string;
  email: string;
  status: "registered" | "waitlisted" | "cancelled" | "checked_in";
  waitlistPosition: number | null;
  registeredAt: string;
}
interface Capacity {
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  checkedIn: number;
}

let serial = 0;
function registrationInputs(n: number, tag: string) {
  return Array.from({ length: n }, (_, i) => {
    serial += 1;
    return {
      editionId: EDITION,
      firstName: `Bench${serial}`,
      lastName: `Interne ${tag}`,
      email: `bench.${tag}.${i}@charge.example`,
      subdivisionId: SUBDIVISIONS[serial % SUBDIVISIONS.length],
      yearOfTraining: (serial % 3) + 1,
      meals: true,
      gala: serial % 2 === 0,
      idempotencyKey: `bench-${tag}-${i}-${randomBytes(4).toString("hex")}`,
    };
  });
}

async function registerAll(url: string, inputs: ReturnType<typeof registrationInputs>) {
  const started = performance.now();
  const results = await Promise.all(
    inputs.map((input) => post<Acknowledgement>(url, "registration.register", input)),
  );
  return { results, seconds: (performance.now() - started) / 1000 };
}

async function allRegistrations(url: string, cookie: string): Promise<Registration[]> {
  const out: Registration[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await get<{ items: Registration[]; total: number }>(
      url,
      "registration.list",
      { editionId: EDITION, limit: 1000, offset },
      cookie,
    );
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

async function runBackend(backend: "pglite" | "postgres") {
  console.log(
    `\n=== ${backend === "pglite" ? "PGlite (embedded, one process)" : "PostgreSQL"} ===`,
  );
  const server = await startServer(backend);
  try {
    const organiser = await logIn(server.url, "organiser");
    const setCapacity = (capacity: number | null) =>
      post<{ capacity: Capacity }>(
        server.url,
        "registration.setCapacity",
        { editionId: EDITION, capacity },
        organiser,
      );
    const capacityNow = () =>
      get<Capacity>(server.url, "registration.capacity", { editionId: EDITION }, organiser);

    // 1. REQUESTS concurrent registrations, exactly enough places.
    await setCapacity(REQUESTS);
    const first = registrationInputs(REQUESTS, "a");
    const a = await registerAll(server.url, first);
    console.log(`\n1. ${REQUESTS} concurrent self-registrations (capacity ${REQUESTS})`);
    console.log(
      latencyLine(
        "   registration.register",
        a.results.map((r) => r.ms),
        a.seconds,
      ),
    );
    const fiveXX = a.results.filter((r) => r.status >= 500 || r.status === 0).length;
    check(fiveXX === 0, `no 5xx / network error (${fiveXX})`);
    check(
      a.results.every((r) => r.status === 200),
      "every request answered 200",
    );
    check(
      a.results.every((r, i) => r.data?.email === first[i]?.email.toLowerCase()),
      "each answer names its own address, and nothing else",
    );
    const afterFirst = await allRegistrations(server.url, organiser);
    check(
      new Set(afterFirst.map((r) => r.code)).size === REQUESTS,
      "every code distinct (as organisers list them)",
    );
    let capacity = await capacityNow();
    check(
      capacity.confirmed === REQUESTS && capacity.waitlisted === 0,
      `confirmed ${capacity.confirmed} = ${REQUESTS}, waitlisted ${capacity.waitlisted}`,
    );

    // 2. REQUESTS more with 100 places left.
    await setCapacity(REQUESTS + 100);
    const second = registrationInputs(REQUESTS, "b");
    const b = await registerAll(server.url, second);
    console.log(`\n2. ${REQUESTS} more, concurrent, 100 places left`);
    console.log(
      latencyLine(
        "   registration.register",
        b.results.map((r) => r.ms),
        b.seconds,
      ),
    );
    check(
      b.results.every((r) => r.status === 200),
      "every request answered 200",
    );
    const stored = await allRegistrations(server.url, organiser);
    const wave = stored.filter((r) => r.email.includes(".b."));
    const confirmed = wave.filter((r) => r.status === "registered").length;
    const waiting = wave.filter((r) => r.status === "waitlisted");
    check(confirmed === 100, `exactly 100 confirmed (${confirmed})`);
    check(waiting.length === REQUESTS - 100, `${REQUESTS - 100} waitlisted (${waiting.length})`);
    capacity = await capacityNow();
    check(
      capacity.confirmed === REQUESTS + 100,
      `invariant: confirmed ${capacity.confirmed} ≤ capacity ${capacity.capacity}`,
    );
    check(
      stored.length === 2 * REQUESTS,
      `none lost: ${stored.length} stored of ${2 * REQUESTS} sent`,
    );
    check(new Set(stored.map((r) => r.email)).size === stored.length, "no duplicate person");
    const queue = stored
      .filter((r) => r.status === "waitlisted")
      .sort((x, y) => (x.waitlistPosition ?? 0) - (y.waitlistPosition ?? 0));
    const positionsOk = queue.every((r, i) => r.waitlistPosition === i + 1);
    const timesOk = queue.every(
      (r, i) => i === 0 || (queue[i - 1] as Registration).registeredAt <= r.registeredAt,
    );
    check(positionsOk && timesOk, "waitlist in arrival order (positions 1..n, times increasing)");
    const lastConfirmed = stored
      .filter((r) => r.status === "registered" && r.email.includes(".b."))
      .map((r) => r.registeredAt)
      .sort()
      .at(-1);
    check(
      !lastConfirmed || !queue[0] || lastConfirmed <= queue[0].registeredAt,
      "every confirmed arrived before every waitlisted",
    );

    // 3. Retries with the same idempotency keys.
    const retried = second.slice(0, 200);
    const c = await registerAll(server.url, retried);
    console.log(`\n3. ${retried.length} retries with their idempotency keys`);
    console.log(
      latencyLine(
        "   registration.register (retry)",
        c.results.map((r) => r.ms),
        c.seconds,
      ),
    );
    const same = c.results.every(
      (r, i) => JSON.stringify(r.data) === JSON.stringify(b.results[i]?.data),
    );
    check(same, "same answers as the first time");
    const afterRetries = await allRegistrations(server.url, organiser);
    check(afterRetries.length === 2 * REQUESTS, "nothing new written");
    const before = new Map(stored.map((r) => [r.id, `${r.code} ${r.status}`]));
    check(
      afterRetries.every((r) => before.get(r.id) === `${r.code} ${r.status}`),
      "every code and place unchanged",
    );

    // 4. Workshop sign-up.
    await workshopSignups(server.url, organiser, stored);

    // 5. Check-in burst.
    if (backend === "postgres" || options["checkin-everywhere"]) {
      await setCapacity(null);
      const extra = registrationInputs(4000, "c");
      for (let i = 0; i < extra.length; i += 200)
        await registerAll(server.url, extra.slice(i, i + 200));
      const codes = (await allRegistrations(server.url, organiser))
        .filter((r) => r.status === "registered")
        .map((r) => r.code);
      console.log(
        `\n5. Check-in burst: ${CLIENTS} concurrent desks for ${DURATION_S} s (${codes.length} people expected)`,
      );
      // Each desk signs in once, before the doors open: the timing is of check-ins only.
      const cookies: string[] = [];
      for (let i = 0; i < CLIENTS; i++) cookies.push(await logIn(server.url, "organiser"));
      let next = 0;
      let firstCheckIns = 0;

      /**
       * The desks checking people in for DURATION_S: paced at `rate` check-ins per second in
       * all (a desk waits for its turn, as people arrive), or as fast as answers come (null).
       */
      const burst = async (title: string, rate: number | null) => {
        console.log(`   ${title}`);
        const firstTime: number[] = [];
        const repeat: number[] = [];
        const statuses = new Map<number, number>();
        const cpuBefore = await server.cpuSeconds();
        const started = performance.now();
        const stopAt = Date.now() + DURATION_S * 1000;
        const interval = rate ? (CLIENTS * 1000) / rate : 0;
        await Promise.all(
          cookies.map(async (cookie, desk) => {
            let due = Date.now() + (interval * desk) / CLIENTS;
            while (Date.now() < stopAt) {
              if (interval > 0) {
                const wait = due - Date.now();
                if (wait > 0) await new Promise((r) => setTimeout(r, wait));
                due += interval;
                if (Date.now() >= stopAt) break;
              }
              const code = codes[next % codes.length] as string;
              next += 1;
              const r = await post<{ alreadyCheckedIn: boolean }>(
                server.url,
                "checkIn.byCode",
                { editionId: EDITION, code },
                cookie,
              );
              statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
              (r.data?.alreadyCheckedIn ? repeat : firstTime).push(r.ms);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        const cpuAfter = await server.cpuSeconds();
        firstCheckIns += firstTime.length;
        console.log(latencyLine("   checkIn.byCode, all", [...firstTime, ...repeat], seconds));
        console.log(latencyLine("   checkIn.byCode, first check-in", firstTime, seconds));
        console.log(latencyLine("   checkIn.byCode, again (déjà enregistré·e)", repeat, seconds));
        // CPU per request is steadier than latency on a shared machine: it counts work, not waiting.
        const served = firstTime.length + repeat.length;
        const perRequest = (cpu: number) => fmt((cpu * 1000) / served);
        const databaseCpu =
          cpuBefore.database && cpuAfter.database
            ? [...cpuAfter.database].reduce(
                (sum, [pid, after]) => sum + after - (cpuBefore.database?.get(pid) ?? 0),
                0,
              )
            : null;
        console.log(
          `   CPU per check-in: server ${perRequest(cpuAfter.server - cpuBefore.server)} ms, database backends ${databaseCpu === null ? "—" : perRequest(databaseCpu)} ms`,
        );
        console.log(`   statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(", ")}`);
        const errors = [...statuses]
          .filter(([s]) => s >= 500 || s === 0)
          .reduce((n, [, k]) => n + k, 0);
        check(errors === 0, `no 5xx / network error (${errors})`);
        const p95 = percentile(
          [...firstTime, ...repeat].sort((x, y) => x - y),
          95,
        );
        console.log(`   p95 ≤ 150 ms: ${p95 <= 150 ? "met" : "missed"} (${fmt(p95)} ms)`);
      };

      await burst(
        `a) paced: ${RATE} check-ins/s in all (${fmt(RATE / REAL_RUSH_PER_SECOND)}× the morning rush of 1,000 in 10 min)`,
        RATE,
      );
      await burst("b) saturation: every desk sends its next check-in as soon as answered", null);
      capacity = await capacityNow();
      check(
        capacity.checkedIn === Math.min(codes.length, firstCheckIns),
        `checked in ${capacity.checkedIn} = first check-ins answered ${firstCheckIns}`,
      );
    }
  } finally {
    await server.stop();
  }
}

interface SignupEntry {
  code: string;
  status: "registered" | "waitlisted" | "cancelled";
  waitlistPosition: number | null;
  createdAt: string;
}

/** JOINS attendees with a place sign up at once for one workshop of WORKSHOP_PLACES places. */
async function workshopSignups(url: string, organiser: string, stored: Registration[]) {
  const codes = stored
    .filter((r) => r.status === "registered")
    .slice(0, JOINS)
    .map((r) => r.code);
  const options = await get<{ sessionId: string; title: string }[]>(
    url,
    "signup.options",
    { code: codes[0] },
    organiser,
  );
  const workshop = options[0];
  if (!workshop) throw new Error("no workshop to sign up for");
  await post(
    url,
    "signup.setCapacity",
    { sessionId: workshop.sessionId, capacity: WORKSHOP_PLACES },
    organiser,
  );
  const started = performance.now();
  const results = await Promise.all(
    codes.map((code, i) =>
      post<{ status: string }>(url, "signup.join", {
        code,
        sessionId: workshop.sessionId,
        idempotencyKey: `bench-join-${i}-${randomBytes(4).toString("hex")}`,
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\n4. ${codes.length} concurrent workshop sign-ups, ${WORKSHOP_PLACES} places (« ${workshop.title} »)`,
  );
  console.log(
    latencyLine(
      "   signup.join",
      results.map((r) => r.ms),
      seconds,
    ),
  );
  check(
    results.every((r) => r.status === 200),
    "every request answered 200",
  );
  const { places, items } = await get<{
    places: { confirmed: number; waitlisted: number; capacity: number };
    items: SignupEntry[];
  }>(url, "signup.list", { sessionId: workshop.sessionId }, organiser);
  check(
    places.confirmed === WORKSHOP_PLACES,
    `exactly ${WORKSHOP_PLACES} confirmed (${places.confirmed})`,
  );
  check(
    places.waitlisted === codes.length - WORKSHOP_PLACES,
    `${codes.length - WORKSHOP_PLACES} waitlisted (${places.waitlisted})`,
  );
  const queue = items.filter((i) => i.status === "waitlisted");
  const inOrder = queue.every(
    (i, n) =>
      i.waitlistPosition === n + 1 &&
      (n === 0 || (queue[n - 1] as SignupEntry).createdAt <= i.createdAt),
  );
  const lastConfirmed = items
    .filter((i) => i.status === "registered")
    .map((i) => i.createdAt)
    .sort()
    .at(-1);
  check(
    inOrder && (!lastConfirmed || !queue[0] || lastConfirmed <= queue[0].createdAt),
    "waitlist in arrival order, every confirmed arrived before every waitlisted",
  );
}

const backends =
  options.backend === "both"
    ? (["pglite", "postgres"] as const)
    : [options.backend as "pglite" | "postgres"];
async function main() {
  console.log(
    `Tribune registration bench — ${new Date().toISOString()} — node ${process.version}, ${REQUESTS} requests per wave`,
  );
  for (const backend of backends) await runBackend(backend);
  console.log(failures === 0 ? "\nAll invariants held." : `\n${failures} invariant(s) broken.`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

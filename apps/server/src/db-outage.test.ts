import { randomBytes } from "node:crypto";
import {
  DEMO_PASSWORD,
  type FreshDatabase,
  freshDatabase,
  type RunningTribune,
  startTribune,
} from "@tribune/cli-kit/testing";
import { inProcessEventBus, LISTENER_NAME, type OpenDatabase, openDatabase } from "@tribune/db";
import type { LiveCounts } from "@tribune/domain/union";
import { referenceProgramme2026, referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn, startApp, trpcGet, trpcPost } from "./testing";

const EDITION = referenceProgramme2026().edition.id;
const SUBDIVISIONS = [referenceSubdivision("dijon").id, referenceSubdivision("besancon").id];
const UNAVAILABLE =
  "La base de données est momentanément indisponible. Réessayez dans quelques secondes.";

/** A tRPC error body, or a plain route's `{ error, code }`. */
type ErrorBody =
  | { error: { message: string; data: { appCode: string } } }
  | { error: string; code?: string };

/** What a failed request said: its status, its code (`appCode` for tRPC), its message. */
async function failure(res: Response) {
  const body = (await res.json()) as ErrorBody;
  const { code, message } =
    typeof body.error === "string"
      ? { code: "code" in body ? body.code : undefined, message: body.error }
      : { code: body.error.data.appCode, message: body.error.message };
  return { status: res.status, retryAfter: res.headers.get("retry-after"), code, message };
}

const until = async (check: () => Promise<boolean> | boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
};

/** A database that refuses every connection, as PostgreSQL does while it restarts. */
function unreachableDatabase(): OpenDatabase {
  const refused = () =>
    Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
  return {
    db: new Proxy({} as OpenDatabase["db"], {
      get() {
        throw refused();
      },
    }),
    kind: "postgres",
    pool: null,
    events: inProcessEventBus(),
    ping: async () => {
      throw refused();
    },
    close: async () => {},
  };
}

describe("a server whose database cannot be reached", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp({ database: unreachableDatabase(), log: () => {} });
  });
  afterAll(() => app.close());

  const expectUnavailable = (got: Awaited<ReturnType<typeof failure>>) =>
    expect(got).toEqual({
      status: 503,
      retryAfter: expect.stringMatching(/^\d+$/),
      code: "database_unavailable",
      message: UNAVAILABLE,
    });

  it("answers 503 database_unavailable, never 500, on every route that needs it", async () => {
    expectUnavailable(await failure(await fetch(`${app.url}/healthz`)));
    expectUnavailable(
      await failure(
        await trpcPost(app.url, "registration.register", {
          editionId: EDITION,
          firstName: "Jeanne",
          lastName: "Panne",
          email: "jeanne@panne.test",
          subdivisionId: SUBDIVISIONS[0],
        }),
      ),
    );
    // With a session cookie, the caller is looked up before any procedure runs.
    expectUnavailable(
      await failure(
        await trpcGet(
          app.url,
          "registration.counts",
          { editionId: EDITION },
          {
            Cookie: "tribune_session=abcdef",
          },
        ),
      ),
    );
    expectUnavailable(await failure(await fetch(`${app.url}/api/editions/2026/programme.json`)));
    expectUnavailable(
      await failure(
        await fetch(`${app.url}/api/editions/2026/press-kit.pdf`, {
          headers: { Cookie: "tribune_session=abcdef" },
        }),
      ),
    );
  });
});

/**
 * PostgreSQL terminating every connection of the database, three times, while people register
 * (a restart, a failover): the server lives on, answers 503 meanwhile and is back within
 * seconds, stores exactly what it acknowledged, and live counts are right at the end.
 */
describe.runIf(process.env.TEST_DATABASE_URL)(
  "a server whose PostgreSQL connections are terminated",
  () => {
    let fresh: FreshDatabase;
    let server: RunningTribune;
    /** The test's own connections to the run's database, named so as to spare them. */
    let ours: OpenDatabase;
    const sql = (text: string) => {
      if (!ours.pool) throw new Error("no pool");
      return ours.pool.query(text);
    };

    beforeAll(async () => {
      fresh = await freshDatabase(process.env.TEST_DATABASE_URL);
      server = await startTribune({ env: { ...fresh.env, TRIBUNE_RATE_LIMITS: "off" } });
      const url = new URL(fresh.env.DATABASE_URL ?? "");
      url.searchParams.set("application_name", "outage-test");
      ours = await openDatabase({ url: url.toString() });
    });
    afterAll(async () => {
      await ours?.close();
      await server?.stop();
      await fresh?.drop();
    });

    /** What a PostgreSQL restart does to the server: every connection of the database ends. */
    const terminateAll = () =>
      sql(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name <> 'outage-test'",
      );
    const healthy = () =>
      fetch(`${server.url}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
    const alive = () => server.child.exitCode === null && server.child.signalCode === null;

    it("lives on, loses and invents nothing, and live counts end right", async () => {
      const { url } = server;
      const cookie = await logIn(url, "bureau@tribune.demo", DEMO_PASSWORD);

      // A live view opened before the outages, kept open throughout.
      const stream = new AbortController();
      const live = await fetch(
        `${url}/trpc/registration.live?input=${encodeURIComponent(JSON.stringify({ editionId: EDITION }))}`,
        { headers: { Cookie: cookie, Accept: "text/event-stream" }, signal: stream.signal },
      );
      expect(live.status).toBe(200);
      let latest: LiveCounts | null = null;
      const reading = (async () => {
        const reader = (live.body as ReadableStream<Uint8Array>).getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            const lines = buffer.slice(0, end).split("\n");
            buffer = buffer.slice(end + 2);
            if (lines.some((l) => l.startsWith("event:"))) continue; // pings, the connection
            const data = lines.find((l) => l.startsWith("data:"));
            if (data) latest = JSON.parse(data.slice(5)) as LiveCounts;
          }
        }
      })().catch(() => {});
      expect(await until(() => latest !== null, 5000)).toBe(true);

      // Registrations, by writers that retry a 503 with the same idempotency key (as the public
      // form does) and by writers that send none and give up on a 503.
      const acknowledged = new Set<string>();
      /** 503s answered, retried or not. */
      let refused = 0;
      const unexpected: unknown[] = [];
      let serial = 0;
      let writing = true;
      const register = async (retrying: boolean) => {
        serial += 1;
        const email = `personne.${serial}@panne.test`;
        const input = {
          editionId: EDITION,
          firstName: "Personne",
          lastName: `Numéro ${serial}`,
          email,
          subdivisionId: SUBDIVISIONS[serial % 2],
          ...(retrying
            ? { idempotencyKey: `panne-${serial}-${randomBytes(4).toString("hex")}` }
            : {}),
        };
        for (;;) {
          const res = await trpcPost(url, "registration.register", input);
          if (res.status === 200) {
            acknowledged.add(email);
            return;
          }
          const got = await failure(res);
          if (
            got.status !== 503 ||
            got.code !== "database_unavailable" ||
            got.message !== UNAVAILABLE
          )
            unexpected.push(got);
          refused += 1;
          if (!retrying || got.status !== 503) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const writer = async (retrying: boolean) => {
        while (writing) await register(retrying);
      };
      const writers = [true, true, true, false, false, false].map(writer);

      for (let kill = 1; kill <= 3; kill++) {
        const before = acknowledged.size;
        expect(await until(() => acknowledged.size >= before + 5, 10_000)).toBe(true);
        await terminateAll();
        expect(alive()).toBe(true);
        expect(await until(healthy, 8000)).toBe(true);
      }
      writing = false;
      await Promise.all(writers);

      // Then the live view's LISTEN connection is kept down (terminated again as soon as it is
      // back) while three more people register: their notifications reach nobody. Once it is
      // let back, the view must catch up all the same.
      const killListener = () =>
        sql(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = '${LISTENER_NAME}'`,
        );
      await killListener();
      let holding = true;
      const holdDown = (async () => {
        while (holding) {
          await killListener();
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      const before = acknowledged.size;
      for (let i = 0; i < 3; i++) await register(true);
      holding = false;
      await holdDown;
      expect(acknowledged.size).toBe(before + 3);

      expect(alive()).toBe(true);
      expect(unexpected).toEqual([]);
      // The outages did catch requests in flight (else this test proves little).
      expect(refused).toBeGreaterThan(0);
      const { rows } = await sql(
        "select email, count(*)::int as n from registrations where email like '%@panne.test' group by email",
      );
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
      // Every acknowledged registration is stored, once; none of those given up on after a 503.
      expect(new Set(rows.map((r) => r.email))).toEqual(acknowledged);

      // The live view, opened before all this, shows what the database holds.
      const counts = async () => {
        const res = await trpcGet(
          url,
          "registration.counts",
          { editionId: EDITION },
          { Cookie: cookie },
        );
        return ((await res.json()) as { result: { data: LiveCounts } }).result.data;
      };
      const same = (a: LiveCounts | null, b: LiveCounts) =>
        a !== null &&
        JSON.stringify([a.totals, a.bySubdivision]) === JSON.stringify([b.totals, b.bySubdivision]);
      const truth = await counts();
      expect(await until(() => same(latest, truth), 5000)).toBe(true);
      stream.abort();
      await reading;
    });
  },
);

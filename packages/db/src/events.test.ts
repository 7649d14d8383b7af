import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type BusEvent, type EventBus, postgresEventBus } from "./events";
import { openTestDatabase } from "./testing";

/**
 * The LISTEN connection on a real PostgreSQL: lost (a restart, a failover, a terminated
 * backend), it is opened again, and listeners are told they may have missed something.
 */
describe.runIf(process.env.TEST_DATABASE_URL)(
  "PostgreSQL event bus after a lost connection",
  () => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    let url: string;
    let name: string;
    /** Runs one statement on its own connection to the server's maintenance database. */
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    const terminateAll = () =>
      admin(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
      );

    beforeAll(async () => {
      database = await openTestDatabase("postgres");
      url = database.url ?? "";
      name = new URL(url).pathname.slice(1);
    });
    afterAll(async () => {
      await admin(`alter database ${name} with allow_connections true`);
      await database.close();
    });

    /** A bus of its own, on its own pool, that records what it logs and what it hears. */
    async function watchedBus() {
      const pool = new pg.Pool({ connectionString: url });
      pool.on("error", () => {});
      const logged: { message: string; at: number }[] = [];
      const bus = postgresEventBus(url, pool, {
        log: (message) => logged.push({ message, at: Date.now() }),
        firstRetryMs: 50,
        maxRetryMs: 400,
      });
      const heard: BusEvent[] = [];
      await bus.subscribe((event) => heard.push(event));
      return {
        bus,
        logged,
        heard,
        close: async () => {
          await bus.close();
          await pool.end();
        },
      };
    }

    /** Publishes on `bus` until its own listener hears it: LISTEN works again. */
    async function expectListening(bus: EventBus, heard: BusEvent[]) {
      await vi.waitFor(
        async () => {
          await bus.publish({ type: "programme.changed", editionId: "après" });
          expect(heard).toContainEqual({ type: "programme.changed", editionId: "après" });
        },
        { timeout: 5000, interval: 100 },
      );
    }

    it("listens again after its backend is terminated, and tells listeners to resync", async () => {
      const { bus, logged, heard, close } = await watchedBus();
      try {
        await terminateAll();
        // Nobody was subscribing at that moment: the bus notices alone, and comes back alone.
        await vi.waitFor(() => expect(heard).toContainEqual({ type: "bus.resync" }), {
          timeout: 5000,
          interval: 20,
        });
        expect(logged[0]?.message).toMatch(/^PostgreSQL : écoute des événements perdue/);
        await expectListening(bus, heard);
        expect(heard.filter((e) => e.type === "bus.resync")).toHaveLength(1);
      } finally {
        await close();
      }
    });

    it("keeps trying, with growing waits, while the database refuses connections", async () => {
      const { bus, logged, heard, close } = await watchedBus();
      try {
        await admin(`alter database ${name} with allow_connections false`);
        await terminateAll();
        // Attempts fail, again and again, each after a longer wait (50, 100, 200, 400, 400 ms)…
        const failures = () =>
          logged.filter((l) =>
            l.message.startsWith("PostgreSQL : écoute des événements impossible"),
          );
        await vi.waitFor(() => expect(failures().length).toBeGreaterThanOrEqual(5), {
          timeout: 8000,
          interval: 20,
        });
        const at = failures().map((l) => l.at);
        const waits = [100, 200, 400, 400];
        const gaps = waits.map((_, i) => (at[i + 1] ?? 0) - (at[i] ?? 0));
        // Timers never fire early: each gap is at least the wait before that attempt.
        for (const [i, wait] of waits.entries()) expect(gaps[i]).toBeGreaterThanOrEqual(wait - 2);
        expect(heard).not.toContainEqual({ type: "bus.resync" });
        // …until the database takes connections again.
        await admin(`alter database ${name} with allow_connections true`);
        await vi.waitFor(() => expect(heard).toContainEqual({ type: "bus.resync" }), {
          timeout: 5000,
          interval: 20,
        });
        await expectListening(bus, heard);
      } finally {
        await admin(`alter database ${name} with allow_connections true`);
        await close();
      }
    });
  },
);

/**
 * The retention purge under faults (a lost database connection, a crash between two writes):
 * one edition's purge is its transaction, so a purge cut short leaves the edition as it was —
 * registrations, messages and audit entries all still there, no tally, not marked purged — and
 * the next run (the hourly housekeeping, `pnpm tribune privacy purge`) does it whole.
 */
import { type Database, type Executor, isDatabaseUnavailable } from "@tribune/db";
import { personalDataPurgedAt, registrationTalliesOf } from "@tribune/db/repos/retention";
import { insertUser } from "@tribune/db/repos/users";
import * as schema from "@tribune/db/schema";
import { seedReferenceEdition } from "@tribune/db/seed";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { referenceProgramme2026, referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../context";
import type { ServiceContext } from "../kit";
import { purgeExpiredPersonalData } from "./purge-expired";
import { registerByHand } from "./register";

const EDITION = referenceProgramme2026().edition.id;
const LILLE = referenceSubdivision("lille").id;
/** The day after the 2026 congress's data was promised to go (see purge-expired.test.ts). */
const DUE = "2027-01-24T08:00:00Z";

/** What PostgreSQL says to a backend it terminates (pg_terminate_backend, a restart). */
const terminated = () =>
  Object.assign(new Error("terminating connection due to administrator command"), {
    code: "57P01",
  });

/**
 * The database as the purge sees it, whose transactions lose their connection on the purge's
 * last write (marking the edition purged): every statement before it has run.
 */
function losingConnectionOnLastWrite(db: Database): Database {
  const failing = (tx: Executor): Executor =>
    new Proxy(tx, {
      get(target, prop) {
        if (prop === "insert")
          return (table: unknown) => {
            if (table === schema.personalDataPurges) throw terminated();
            return target.insert(table as typeof schema.personalDataPurges);
          };
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "transaction")
        return (work: (tx: Executor) => Promise<unknown>) =>
          target.transaction((tx) => work(failing(tx)));
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe.each(testBackends())(
  "the retention purge losing its connection on %s",
  (backend: Backend) => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    let ctx: ServiceContext & { actor: Actor };
    const rows = async <T>(query: string) =>
      ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
    /** What the purge must remove or keep, all at once. */
    const state = async () => {
      const [people] = await rows<{ n: number }>(
        `select count(*)::int as n from registrations where edition_id = '${EDITION}' and email like '%@coupure.test'`,
      );
      const [mail] = await rows<{ n: number }>(
        `select count(*)::int as n from outbox where recipient like '%@coupure.test'`,
      );
      const [audit] = await rows<{ n: number }>(
        `select count(*)::int as n from audit_log where after::text like '%@coupure.test%'`,
      );
      return {
        registrations: people?.n ?? 0,
        messages: mail?.n ?? 0,
        auditCopies: audit?.n ?? 0,
        tallies: (await registrationTalliesOf(database.db, EDITION)).length,
        purgedAt: await personalDataPurgedAt(database.db, EDITION),
      };
    };

    beforeAll(async () => {
      database = await openTestDatabase(backend);
      await seedReferenceEdition(database.db);
      const desk = await insertUser(database.db, {
        email: "accueil@tribune.test",
        displayName: "Accueil",
        role: "organiser",
        subdivisionId: null,
        passwordHash: "sans-objet",
      });
      ctx = {
        db: database.db,
        events: database.events,
        actor: { ...desk, authSessionId: "test" },
        clock: { now: () => new Date(DUE) },
      };
      for (const first of ["Albane", "Basile"])
        await registerByHand(ctx, {
          editionId: EDITION,
          firstName: first,
          lastName: "Coupure",
          email: `${first.toLowerCase()}@coupure.test`,
          subdivisionId: LILLE,
          yearOfTraining: 1,
          meals: true,
          gala: false,
        });
    }, 120_000);
    afterAll(() => database.close());

    it("leaves the edition untouched when cut short, and the next run purges it whole", async () => {
      const before = await state();
      expect(before).toMatchObject({ registrations: 2, tallies: 0, purgedAt: null });
      expect(before.messages).toBeGreaterThanOrEqual(2);
      expect(before.auditCopies).toBeGreaterThanOrEqual(2);

      const cutShort =
        backend === "postgres"
          ? await purgeWhileTerminated(database, ctx)
          : await purgeExpiredPersonalData({
              ...ctx,
              db: losingConnectionOnLastWrite(database.db),
            }).then(
              () => null,
              (error: unknown) => error,
            );
      // Reported as a lost connection (the housekeeping logs it and tries again next hour).
      expect(isDatabaseUnavailable(cutShort)).toBe(true);
      expect(await state()).toEqual(before);

      const [report] = await purgeExpiredPersonalData(ctx);
      expect(report).toMatchObject({ year: 2026, registrations: 2 });
      expect(await state()).toMatchObject({
        registrations: 0,
        messages: 0,
        auditCopies: 0,
        purgedAt: expect.any(String),
      });
      const tallies = await registrationTalliesOf(database.db, EDITION);
      expect(
        tallies.find((t) => t.subdivisionId === LILLE && t.status === "registered")?.count,
      ).toBe(2);
    });
  },
);

/**
 * Runs the purge on PostgreSQL and terminates its backend once every delete has run: the
 * test's own connection holds the table the purge writes last, the purge waits on it, and
 * exactly that waiting backend — of this test's database only — is terminated.
 */
async function purgeWhileTerminated(
  database: Awaited<ReturnType<typeof openTestDatabase>>,
  ctx: ServiceContext,
): Promise<unknown> {
  const pool = database.pool;
  if (!pool) throw new Error("no pool");
  const holder = await pool.connect();
  try {
    await holder.query("begin");
    // Reads (the purge's checks) go on; its insert waits.
    await holder.query("lock table personal_data_purges in exclusive mode");
    const purging = purgeExpiredPersonalData(ctx).then(
      () => null,
      (error: unknown) => error,
    );
    // The purge's backend, waiting for the table (pg_locks: its text in pg_stat_activity may
    // still be the connection's previous query while a statement waits in parse).
    const waiting = `from pg_locks where not granted and relation = 'personal_data_purges'::regclass
      and database = (select oid from pg_database where datname = current_database())`;
    await vi.waitFor(
      async () => expect((await holder.query(`select pid ${waiting}`)).rowCount).toBe(1),
      { timeout: 10_000, interval: 20 },
    );
    await holder.query(`select pg_terminate_backend(pid) ${waiting}`);
    return await purging;
  } finally {
    await holder.query("rollback");
    holder.release();
  }
}

/**
 * A survey invitation campaign under faults (a lost database connection, a crash between two
 * writes). The promises: no address ever receives two invitations; the campaign's counts are
 * those of the messages sent, each once; a job whose database comes back goes on, and one
 * whose database stays away past its claim stops interrupted — from where sending the list
 * again (« reprendre ») finishes it; and nothing of it ends the process.
 */
import type { Database, Executor } from "@tribune/db";
import { countInvited } from "@tribune/db/repos/survey-invitations";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ServiceContext, systemContext } from "../../kit";
import { invitationOverview } from "./overview";
import type { InvitationMessage } from "./port";
import { startInvitations } from "./start";
import { openTestSurvey, recordingMailer } from "./testing";

/** As fast as the rules allow: batches of 50. */
const FAST = 60_000;
const addresses = (label: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${label}-${i}@exemple.fr`);
/** The position of a message in its campaign (its key: `survey-invitation:<campaign>:<i>`). */
const indexOf = (message: InvitationMessage) => Number(message.key.split(":").at(-1));
/** Addresses that received more than one message. */
const twice = (received: string[]) => received.filter((a, i) => received.indexOf(a) !== i);

/** What PostgreSQL says to a backend it terminates (pg_terminate_backend, a restart). */
const terminated = () =>
  Object.assign(new Error("terminating connection due to administrator command"), {
    code: "57P01",
  });

describe.each(testBackends())(
  "a survey invitation campaign under faults on %s",
  (backend: Backend) => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    beforeAll(async () => {
      database = await openTestDatabase(backend);
    });
    afterAll(() => database.close());

    it("records a batch whose connection was lost once the database is back: each address once, counts true", async () => {
      const survey = await openTestSurvey(database.db);
      const list = addresses("coupure", 150);
      const logged: string[] = [];
      // PGlite: the next transaction loses its connection once all its statements ran (rolled
      // back); PostgreSQL: the transaction recording the second batch has its backend killed.
      let loseNext = false;
      const db =
        backend === "postgres"
          ? database.db
          : losingConnection(database.db, () => {
              const lose = loseNext;
              loseNext = false;
              return lose;
            });
      let killing: Promise<void> = Promise.resolve();
      const { mailer, received } = recordingMailer(async (message) => {
        if (indexOf(message) !== 50) return;
        if (backend !== "postgres") {
          loseNext = true;
          return;
        }
        const fault = killRecordingOfThisBatch(database, survey.id);
        killing = fault.done;
        await fault.held;
      });
      const ctx: ServiceContext = {
        ...systemContext(db, database.events),
        invitationMailer: mailer,
      };
      const started = await startInvitations(
        ctx,
        { id: survey.id, rate: FAST, source: { kind: "list", text: list.join("\n") } },
        { pace: async () => {}, log: (line) => logged.push(line) },
      );
      const ended = await started.done;
      await killing;
      // The fault did hit a write of the job, which wrote again.
      expect(logged).toEqual(["Envoi d'invitations : base de données injoignable, nouvel essai…"]);
      expect(ended).toMatchObject({ status: "finished", total: 150, sent: 150, failed: 0 });
      expect(twice(received)).toEqual([]);
      expect([...received].sort()).toEqual([...list].sort());
      expect(await countInvited(database.db, survey.id)).toBe(150);
    });

    it("counts a batch once when its record committed but the answer was lost", async () => {
      const survey = await openTestSurvey(database.db);
      const list = addresses("accuse", 150);
      let loseNext = false;
      const db = losingConnection(
        database.db,
        () => {
          const lose = loseNext;
          loseNext = false;
          return lose;
        },
        { afterCommit: true },
      );
      const { mailer, received } = recordingMailer((message) => {
        if (indexOf(message) === 50) loseNext = true;
      });
      const logged: string[] = [];
      const started = await startInvitations(
        { ...systemContext(db, database.events), invitationMailer: mailer },
        { id: survey.id, rate: FAST, source: { kind: "list", text: list.join("\n") } },
        { pace: async () => {}, log: (line) => logged.push(line) },
      );
      expect(await started.done).toMatchObject({ status: "finished", total: 150, sent: 150 });
      expect(logged).toEqual(["Envoi d'invitations : base de données injoignable, nouvel essai…"]);
      expect(twice(received)).toEqual([]);
      expect(await countInvited(database.db, survey.id)).toBe(150);
    });

    it("stops interrupted when the database stays away past its claim; sending the list again invites nobody twice", async () => {
      const survey = await openTestSurvey(database.db);
      const list = addresses("panne", 150);
      // The database goes away while the second batch leaves, for longer than the claim (a
      // minute and more): every use fails, and each failure lets 30 s pass.
      let down = false;
      let offset = 0;
      const clock = { now: () => new Date(Date.now() + offset) };
      const db = unreachableWhile(
        database.db,
        () => down,
        () => {
          offset += 30_000;
        },
      );
      const { mailer, received } = recordingMailer((message) => {
        if (indexOf(message) === 50) down = true;
      });
      const ctx: ServiceContext = {
        ...systemContext(db, database.events),
        clock,
        invitationMailer: mailer,
      };
      const logged: string[] = [];
      const first = await startInvitations(
        ctx,
        { id: survey.id, rate: FAST, source: { kind: "list", text: list.join("\n") } },
        { pace: async () => {}, log: (line) => logged.push(line) },
      );
      // Its last recorded batch is the first: the second left, unrecorded.
      expect(await first.done).toMatchObject({ status: "interrupted", sent: 50 });
      expect(received).toHaveLength(100);
      expect(logged.at(-1)).toBe("Envoi d'invitations interrompu :");

      // The database is back: the campaign reads interrupted (its claim ran out) and the same
      // list resumes it — the second batch, marked before it left, is not sent again.
      down = false;
      const overview = await invitationOverview(ctx, { id: survey.id });
      expect(overview.campaign?.status).toBe("interrupted");
      const resumed = await startInvitations(
        ctx,
        { id: survey.id, rate: FAST, source: { kind: "list", text: list.join("\n") } },
        { pace: async () => {} },
      );
      expect(resumed.campaign).toMatchObject({ total: 50, skipped: 100 });
      expect(await resumed.done).toMatchObject({ status: "finished", sent: 50 });
      expect(twice(received)).toEqual([]);
      expect([...received].sort()).toEqual([...list].sort());
      expect(await countInvited(database.db, survey.id)).toBe(150);
    });
  },
);

/** Passes every method call through `target`, bound to it. */
const passThrough = <T extends object>(target: T, prop: string | symbol) => {
  const value = Reflect.get(target, prop);
  return typeof value === "function" ? value.bind(target) : value;
};

/**
 * The database, whose transaction loses its connection after all its statements ran when
 * `lose()` says so: before it commits (PostgreSQL rolls it back), or `afterCommit` — committed,
 * but the answer never came back.
 */
function losingConnection(
  db: Database,
  lose: () => boolean,
  { afterCommit = false } = {},
): Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== "transaction") return passThrough(target, prop);
      return async (work: (tx: Executor) => Promise<unknown>) => {
        const result = await target.transaction(async (tx) => {
          const done = await work(tx);
          if (!afterCommit && lose()) throw terminated();
          return done;
        });
        if (afterCommit && lose()) throw terminated();
        return result;
      };
    },
  });
}

/** The database, out of reach while `down()`: every use fails as a terminated connection. */
function unreachableWhile(db: Database, down: () => boolean, onFailure: () => void): Database {
  return new Proxy(db, {
    get(target, prop) {
      const value = passThrough(target, prop);
      if (!down() || typeof value !== "function") return value;
      return () => {
        onFailure();
        throw terminated();
      };
    },
  });
}

/**
 * PostgreSQL: makes the recording of the batch in flight wait on the campaign's row (held by
 * the test's own connection), then terminates exactly the backend that waits — of this test's
 * database only — and lets go. `held` settles once the row is held, `done` once it is let go.
 */
function killRecordingOfThisBatch(
  database: Awaited<ReturnType<typeof openTestDatabase>>,
  surveyId: string,
): { held: Promise<void>; done: Promise<void> } {
  const pool = database.pool;
  if (!pool) throw new Error("no pool");
  const holding = (async () => {
    const holder = await pool.connect();
    await holder.query("begin");
    await holder.query(
      "select id from survey_invitation_campaigns where survey_id = $1 and status = 'running' for update",
      [surveyId],
    );
    return holder;
  })();
  const blocked =
    "from pg_stat_activity where datname = current_database() and pg_backend_pid() = any(pg_blocking_pids(pid))";
  const done = holding.then(async (holder) => {
    try {
      await vi.waitFor(
        async () => expect((await holder.query(`select pid ${blocked}`)).rowCount).toBe(1),
        { timeout: 10_000, interval: 20 },
      );
      await holder.query(`select pg_terminate_backend(pid) ${blocked}`);
    } finally {
      await holder.query("rollback");
      holder.release();
    }
  });
  return { held: holding.then(() => {}), done };
}

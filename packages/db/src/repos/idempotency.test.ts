import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Executor } from "../client";
import { type Backend, openTestDatabase, testBackends } from "../testing";
import { isTransientConflict, retryTransaction } from "./idempotency";

/** An error as node-postgres reports it, with its SQLSTATE. */
const pgError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { code });

describe.each(testBackends())("retryTransaction on %s", (backend: Backend) => {
  let db: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTestDatabase(backend);
    db = opened.db;
    close = opened.close;
  });
  afterAll(() => close());

  it("runs a transaction again after a deadlock or serialization failure, up to 4 times", async () => {
    let calls = 0;
    const value = await retryTransaction(db, async () => {
      calls += 1;
      if (calls === 1) throw pgError("40P01");
      if (calls === 2) throw new Error("wrapped", { cause: pgError("40001") });
      return "done";
    });
    expect({ value, calls }).toEqual({ value: "done", calls: 3 });

    calls = 0;
    await expect(
      retryTransaction(db, async () => {
        calls += 1;
        throw pgError("40P01");
      }),
    ).rejects.toMatchObject({ code: "40P01" });
    expect(calls).toBe(4);
  });

  it("does not retry other errors", async () => {
    let calls = 0;
    await expect(
      retryTransaction(db, async () => {
        calls += 1;
        throw pgError("23505");
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(calls).toBe(1);
    expect(isTransientConflict(pgError("23505"))).toBe(false);
  });

  it.runIf(backend === "postgres")(
    "two transactions taking two locks in opposite orders: PostgreSQL breaks the deadlock, both finish",
    async () => {
      // Each takes its first lock, waits until the other has its own, then asks for the other's.
      let holding = 0;
      let bothHold: () => void = () => {};
      const barrier = new Promise<void>((resolve) => {
        bothHold = resolve;
      });
      const attempts = { a: 0, b: 0 };
      const crossing = (name: "a" | "b", first: number, second: number) =>
        retryTransaction(db, async (tx: Executor) => {
          attempts[name] += 1;
          await tx.execute(sql`select pg_advisory_xact_lock(${first})`);
          if (attempts[name] === 1) {
            holding += 1;
            if (holding === 2) bothHold();
            await barrier;
          }
          await tx.execute(sql`select pg_advisory_xact_lock(${second})`);
          return name;
        });
      const results = await Promise.all([crossing("a", 7101, 7102), crossing("b", 7102, 7101)]);
      expect(results).toEqual(["a", "b"]);
      // Exactly one side was chosen as the deadlock victim and ran a second time.
      expect(attempts.a + attempts.b).toBe(3);
    },
    20_000,
  );
});

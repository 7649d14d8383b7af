import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "./client";
import { listEditions } from "./repos/editions";
import { openTestDatabase } from "./testing";
import { isDatabaseUnavailable } from "./unavailable";

/** What only a real PostgreSQL shows: several instances on one database, dropped connections. */
describe.runIf(process.env.TEST_DATABASE_URL)("PostgreSQL client", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase("postgres");
  });
  afterAll(() => database.close());

  it("lets a second instance open (and re-migrate) the same database", async () => {
    const second = await openDatabase({ url: database.url ?? "" });
    expect(await listEditions(second.db)).toEqual([]);
    await second.close();
  });

  it("survives the server closing its idle connections", async () => {
    const pool = database.pool;
    if (!pool) throw new Error("no pool");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // Two pooled connections; the one running the query terminates the other (idle) one.
      await Promise.all([pool.query("select pg_sleep(0.05)"), pool.query("select pg_sleep(0.05)")]);
      await pool.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
      );
      await vi.waitFor(() => expect(logged).toHaveBeenCalled());
      expect(await listEditions(database.db)).toEqual([]);
    } finally {
      logged.mockRestore();
    }
  });

  it("fails a transaction whose connection is terminated, and lives on", async () => {
    const pool = database.pool;
    if (!pool) throw new Error("no pool");
    // A connection checked out for a transaction, busy when the server drops it: before the
    // fix, its 'error' event had no listener and ended the process.
    const running = database.db
      .transaction(async (tx) => {
        await tx.execute(sql`select pg_sleep(30)`);
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    const sleeping = `from pg_stat_activity where datname = current_database() and query = 'select pg_sleep(30)'`;
    await vi.waitFor(
      async () => expect((await pool.query(`select pid ${sleeping}`)).rowCount).toBe(1),
      { interval: 20 },
    );
    await pool.query(`select pg_terminate_backend(pid) ${sleeping}`);
    expect(isDatabaseUnavailable(await running)).toBe(true);
    expect(await listEditions(database.db)).toEqual([]);
  });
});

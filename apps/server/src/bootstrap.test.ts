import { listEditions, listUsers, type OpenDatabase, openDatabase } from "@tribune/db";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { ROLES } from "@tribune/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "./bootstrap";

describe.each(testBackends())("bootstrap on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  /** A second server instance: its own pool on PostgreSQL; the same handle on PGlite. */
  let other: OpenDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    other = database.url ? await openDatabase({ url: database.url }) : database;
  });
  afterAll(async () => {
    if (other !== database) await other.close();
    await database.close();
  });

  it("seeds once and creates the demo accounts once, even when two instances start at once", async () => {
    const [a, b] = await Promise.all([bootstrap(database.db), bootstrap(other.db)]);
    const first = a.demoAccounts.length > 0 ? a : b;
    const second = first === a ? b : a;

    expect(first.seeded).toBe(true);
    expect(first.demoAccounts.map((account) => account.role)).toEqual([...ROLES]);
    expect(second).toEqual({ seeded: false, demoAccounts: [] });
    expect(await listEditions(database.db)).toHaveLength(1);
    expect(await listUsers(database.db)).toHaveLength(ROLES.length);
  });

  it("does nothing on a later start", async () => {
    expect(await bootstrap(database.db)).toEqual({ seeded: false, demoAccounts: [] });
  });
});

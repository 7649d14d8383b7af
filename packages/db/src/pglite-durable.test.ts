import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "./client";
import { pgliteDiskSyncs } from "./pglite-durable";

/** What the server opens on a data folder: a commit is on disk before it is acknowledged. */
describe("PGlite on a data folder", () => {
  let dataDir: string;
  let database: OpenDatabase;
  let client: PGlite;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "tribune-fsync-"));
    database = await openDatabase({ dataDir });
    client = (database.db as unknown as { $client: PGlite }).$client;
  });
  afterAll(async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("runs PostgreSQL with fsync on, synced with fsync()", async () => {
    const setting = async (name: string) =>
      (await client.query<Record<string, string>>(`show ${name}`)).rows[0]?.[name];
    expect(await setting("fsync")).toBe("on");
    expect(await setting("wal_sync_method")).toBe("fsync");
    expect(await setting("synchronous_commit")).toBe("on");
    expect(await setting("full_page_writes")).toBe("on");
  });

  it("put the new folder's files on disk once initdb had written them", () => {
    // template1 and the cluster-wide catalogs: untouched since initdb.
    const files = ["base/1", "global"].flatMap((dir) => readdirSync(join(dataDir, dir)));
    expect(pgliteDiskSyncs(client)).toBeGreaterThan(files.length);
  });

  it("hands each commit to the disk before answering", async () => {
    await client.exec("create table fsync_probe (id int primary key)");
    const before = pgliteDiskSyncs(client);
    for (let id = 1; id <= 5; id++) await client.query("insert into fsync_probe values ($1)", [id]);
    expect(pgliteDiskSyncs(client) - before).toBeGreaterThanOrEqual(5);
  });
});

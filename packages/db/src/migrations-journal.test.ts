import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { describe, expect, it } from "vitest";

/**
 * drizzle runs a migration only when its journal `when` is later than the last one the
 * database applied: a migration numbered before others but merged after them (0010 after
 * 0011 and 0012) must come later in the journal, with a later `when`, or upgraded databases
 * never get it.
 */

const folder = fileURLToPath(new URL("../drizzle", import.meta.url));
interface Entry {
  idx: number;
  when: number;
  tag: string;
}
const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, "utf8")) as {
  entries: Entry[];
};

describe("the migrations journal", () => {
  it("has each migration once, its file present, every `when` later than the one before", () => {
    const { entries } = journal;
    expect(new Set(entries.map((e) => e.idx)).size).toBe(entries.length);
    for (const entry of entries)
      expect(readFileSync(`${folder}/${entry.tag}.sql`, "utf8")).not.toBe("");
    for (const [i, entry] of entries.entries())
      if (i > 0) expect(entry.when, entry.tag).toBeGreaterThan(entries[i - 1]?.when ?? 0);
  });

  it("gives a database migrated before 0010 its press-kit frames at the next start", async () => {
    const before = mkdtempSync(join(tmpdir(), "tribune-migrations-"));
    try {
      cpSync(folder, before, { recursive: true });
      const upTo = journal.entries.slice(
        0,
        journal.entries.findIndex((e) => e.tag === "0010_press_kit_frames"),
      );
      expect(upTo.map((e) => e.tag)).toContain("0012_account_tokens");
      writeFileSync(
        join(before, "meta/_journal.json"),
        JSON.stringify({ ...journal, entries: upTo }),
      );
      const client = new PGlite();
      const db = drizzle({ client });
      await migrate(db, { migrationsFolder: before });
      const tables = async () =>
        (
          await client.query<{ name: string }>(
            "select table_name as name from information_schema.tables where table_name in ('press_kit_frames', 'manual_key_figures') order by 1",
          )
        ).rows.map((r) => r.name);
      expect(await tables()).toEqual([]);
      await migrate(db, { migrationsFolder: folder });
      expect(await tables()).toEqual(["manual_key_figures", "press_kit_frames"]);
      await client.close();
    } finally {
      rmSync(before, { recursive: true, force: true });
    }
  });
});

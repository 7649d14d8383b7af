import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, testBackends } from "./testing";

/**
 * Migration 0007 on a database that holds French codes: a database migrated up to 0006, as a
 * server of before it left it, with a dossier of each status, motions, votes and press-kit
 * sections; then 0007 runs, as the next start would run it.
 */

const folder = fileURLToPath(new URL("../drizzle", import.meta.url));
const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, "utf8")) as {
  entries: { idx: number; tag: string }[];
};
const migration = (tag: string) =>
  readFileSync(`${folder}/${tag}.sql`, "utf8")
    .split("--> statement-breakpoint")
    .filter((statement) => statement.trim() !== "");

interface RawDatabase {
  run(sql: string): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

async function openRaw(backend: Backend): Promise<RawDatabase> {
  if (backend === "pglite") {
    const client = new PGlite();
    return {
      run: async (sql) => {
        await client.exec(sql);
      },
      rows: async <T>(sql: string) => (await client.query<T>(sql)).rows,
      close: () => client.close(),
    };
  }
  const serverUrl = process.env.TEST_DATABASE_URL as string;
  const name = `tribune_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    run: async (sql) => {
      await client.query(sql);
    },
    rows: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    close: async () => {
      await client.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const EDITION = "00000000-0000-4000-8000-000000000e01";
const LILLE = "00000000-0000-4000-8000-000000000501";
const TOURS = "00000000-0000-4000-8000-000000000502";
const MEETING = "00000000-0000-4000-8000-000000000c01";

describe.each(testBackends())("migration 0007 (English codes) on %s", (backend) => {
  let db: RawDatabase;
  beforeAll(async () => {
    db = await openRaw(backend);
    for (const { tag } of journal.entries.filter((e) => e.idx < 7))
      for (const statement of migration(tag)) await db.run(statement);
    await db.run(`
      insert into editions (id, number, year, theme, city, venue, first_day, last_day)
        values ('${EDITION}', 26, 2026, 'Thème', 'Tours', 'Vinci', '2026-01-22', '2026-01-23');
      insert into subdivisions (id, slug, name) values
        ('${LILLE}', 'lille', 'Lille'), ('${TOURS}', 'tours', 'Tours');
      insert into dossiers (slug, title, pillar, status) values
        ('a', 'A', 'defendre', 'veille'), ('b', 'B', 'defendre', 'en_cours'),
        ('c', 'C', 'informer', 'mobilisation'), ('d', 'D', 'informer', 'victoire'),
        ('e', 'E', 'representer', 'clos');
      insert into ca_meetings (id, city) values ('${MEETING}', 'Cahors');
      insert into motions (id, meeting_id, title, text, rule) values
        ('00000000-0000-4000-8000-000000000a01', '${MEETING}', 'Simple', 'Texte.', 'simple'),
        ('00000000-0000-4000-8000-000000000a02', '${MEETING}', 'Deux tiers', 'Texte.', 'deux_tiers');
      insert into motion_votes (motion_id, subdivision_id, choice) values
        ('00000000-0000-4000-8000-000000000a01', '${LILLE}', 'pour'),
        ('00000000-0000-4000-8000-000000000a01', '${TOURS}', 'contre'),
        ('00000000-0000-4000-8000-000000000a02', '${LILLE}', 'abstention'),
        ('00000000-0000-4000-8000-000000000a02', '${TOURS}', 'absent');
      insert into press_kit_sections (edition_id, section_id, position, title, status) values
        ('${EDITION}', 'couverture', 0, 'Dossier de presse', 'valide'),
        ('${EDITION}', 'sommaire', 1, 'Sommaire', 'brouillon');
    `);
    for (const statement of migration("0007_english_codes")) await db.run(statement);
  });
  afterAll(() => db.close());

  it("rewrites every stored French code in English", async () => {
    expect(await db.rows("select slug, status from dossiers order by slug")).toEqual([
      { slug: "a", status: "watch" },
      { slug: "b", status: "in_progress" },
      { slug: "c", status: "mobilisation" },
      { slug: "d", status: "won" },
      { slug: "e", status: "closed" },
    ]);
    expect(await db.rows("select title, rule from motions order by title")).toEqual([
      { title: "Deux tiers", rule: "two_thirds" },
      { title: "Simple", rule: "simple" },
    ]);
    expect(
      (await db.rows<{ choice: string }>("select choice from motion_votes order by choice")).map(
        (r) => r.choice,
      ),
    ).toEqual(["absent", "abstention", "against", "for"]);
    expect(
      await db.rows("select section_id, status from press_kit_sections order by position"),
    ).toEqual([
      { section_id: "couverture", status: "validated" },
      { section_id: "sommaire", status: "draft" },
    ]);
  });

  it("refuses the French codes from then on, and drafts a section by default", async () => {
    for (const statement of [
      "update dossiers set status = 'victoire' where slug = 'a'",
      "update motions set rule = 'deux_tiers'",
      "update motion_votes set choice = 'pour'",
      "update press_kit_sections set status = 'valide'",
    ])
      await expect(db.run(statement)).rejects.toThrow(/check constraint/);
    await db.run(
      `insert into press_kit_sections (edition_id, section_id, position, title) values ('${EDITION}', 'contacts', 10, 'Contacts')`,
    );
    expect(
      await db.rows("select status from press_kit_sections where section_id = 'contacts'"),
    ).toEqual([{ status: "draft" }]);
  });
});

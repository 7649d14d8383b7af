import { referenceProgramme2026, referenceSubdivision } from "@tribune/reference";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKUP_FORMAT, RestoreRefusedError, restoreBackup, writeBackup } from "./backup";
import type { Database, Executor, OpenDatabase } from "./client";
import { recordAudit } from "./repos/audit";
import { insertAuthSession, takeLoginAttempt } from "./repos/auth-sessions";
import { issueSurveyTokens, listSurveys, parkResponse, setSurveyStatus } from "./repos/surveys";
import { insertUser } from "./repos/users";
import { idempotencyKeys, members } from "./schema";
import { seedReferenceEdition } from "./seed/reference";
import { seedSyntheticRegistrations } from "./seed/subdivisions";
import { seedReferenceSurveys } from "./seed/surveys";
import { type Backend, openTestDatabase, testBackends } from "./testing";

type TestDatabase = OpenDatabase & { url: string | null };
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The reference data, a few registrations, survey responses (mixed and pooled), accounts… */
async function seed(db: Database) {
  await seedReferenceEdition(db);
  await seedReferenceSurveys(db);
  const edition = referenceProgramme2026().edition.id;
  await seedSyntheticRegistrations(db, edition, 12);
  const user = await insertUser(db, {
    email: "bureau@sauvegarde.test",
    displayName: "Bureau",
    role: "bureau",
    subdivisionId: null,
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2VsZg$aGFzaA",
  });
  await insertAuthSession(db, {
    tokenHash: "h".repeat(64),
    userId: user.id,
    expiresAt: "2030-01-01T00:00:00.000Z",
  });
  await db.transaction((tx) =>
    recordAudit(
      tx,
      { id: user.id, email: user.email },
      {
        entity: "user",
        entityId: user.id,
        action: "create",
        after: { note: 'accents é, guillemets " et retour\nà la ligne' },
      },
    ),
  );
  await takeLoginAttempt(db, "ip:203.0.113.9", 5, new Date(Date.now() - 900_000).toISOString());
  await db.insert(idempotencyKeys).values({
    scope: "registration.register",
    key: "clé-1",
    requestHash: "x",
    response: { code: "ABC" },
  });
  await db.insert(members).values({
    firstName: "Jeanne",
    lastName: "Adhérente",
    email: "jeanne@sauvegarde.test",
    subdivisionId: referenceSubdivision("dijon").id,
    yearOfTraining: 2,
    membershipStatus: "active",
    membershipYear: 2026,
  });
  const [survey] = await listSurveys(db);
  if (!survey) throw new Error("no reference survey");
  await setSurveyStatus(db, survey.id, "open");
  const [token] = await issueSurveyTokens(db, survey.id, 3, "2026-01-22");
  await parkResponse(db, { surveyId: survey.id, answers: {}, day: "2026-01-22", token });
}

/** The public tables as PostgreSQL lists them: every table a backup must hold. */
async function tablesOf(db: Executor): Promise<string[]> {
  return rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as "name" from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  ).map((t) => t.name);
}

/** Every row of every table, as sorted JSON text (times in UTC), to compare two databases. */
async function contentsOf(db: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    for (const name of await tablesOf(tx)) {
      out[name] = rowsOf<{ row: string }>(
        await tx.execute(
          sql`select to_jsonb(t)::text as "row" from ${sql.identifier(name)} t order by 1`,
        ),
      ).map((r) => r.row);
    }
  });
  return out;
}

async function backupOf(db: Database, kind: "pglite" | "postgres"): Promise<string[]> {
  const lines: string[] = [];
  await writeBackup(db, kind, (line) => {
    lines.push(line.replace(/\n$/, ""));
  });
  return lines;
}

async function* each(lines: string[]) {
  yield* lines;
}

const otherKind = (backend: Backend): Backend =>
  testBackends().includes("postgres") ? (backend === "pglite" ? "postgres" : "pglite") : backend;

describe.each(testBackends())("backup from %s", (backend: Backend) => {
  let source: TestDatabase;
  let lines: string[];

  beforeAll(async () => {
    source = await openTestDatabase(backend);
    await seed(source.db);
    lines = await backupOf(source.db, source.kind);
  });
  afterAll(() => source.close());

  it("holds every table of the database, with the migration level", async () => {
    const header = JSON.parse(lines[0] ?? "{}");
    expect(header).toMatchObject({ format: BACKUP_FORMAT, version: 1, source: backend });
    expect(header.migrations.count).toBeGreaterThanOrEqual(6);
    expect(header.tables.map((t: { name: string }) => t.name).sort()).toEqual(
      await tablesOf(source.db),
    );
    expect(JSON.parse(lines.at(-1) ?? "{}")).toMatchObject({ end: true });
  });

  it(`restores into an empty ${otherKind(backend)} database: every table, every row, the same`, async () => {
    const target = await openTestDatabase(otherKind(backend));
    try {
      const summary = await restoreBackup(target.db, each(lines));
      const before = await contentsOf(source.db);
      const after = await contentsOf(target.db);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of Object.keys(before)) {
        expect(after[table]?.length, table).toBe(before[table]?.length);
        expect(after[table], table).toEqual(before[table]);
      }
      // The data this test seeds reaches most tables: the comparison is not of empty tables.
      const filled = Object.values(before).filter((rows) => rows.length > 0).length;
      expect(filled).toBeGreaterThanOrEqual(20);
      expect(summary.rows.registrations).toBe(before.registrations?.length);

      // Sequences follow: the next audit entry comes after the restored ones.
      const next = async (db: Database) =>
        rowsOf<{ seq: string }>(
          await db.execute(sql`select nextval('audit_log_seq_seq')::text as "seq"`),
        )[0]?.seq;
      expect(Number(await next(target.db))).toBeGreaterThan(before.audit_log?.length ?? 0);
    } finally {
      await target.close();
    }
  });

  it("refuses a database that is not empty, and changes nothing in it", async () => {
    const countBefore = (await contentsOf(source.db)).registrations?.length;
    const restoring = restoreBackup(source.db, each(lines));
    await expect(restoring).rejects.toBeInstanceOf(RestoreRefusedError);
    await expect(restoring).rejects.toThrow(/la base de destination n'est pas vide \(editions/);
    expect((await contentsOf(source.db)).registrations?.length).toBe(countBefore);
  });

  it("refuses a truncated backup or one made at another migration level, and writes nothing", async () => {
    const target = await openTestDatabase("pglite");
    try {
      await expect(restoreBackup(target.db, each(lines.slice(0, -5)))).rejects.toThrow(
        /Sauvegarde incomplète/,
      );
      const header = JSON.parse(lines[0] ?? "{}");
      header.migrations.count -= 1;
      await expect(
        restoreBackup(target.db, each([JSON.stringify(header), ...lines.slice(1)])),
      ).rejects.toThrow(/niveau de migration/);
      await expect(restoreBackup(target.db, each(["pas du json"]))).rejects.toThrow(
        /Sauvegarde illisible/,
      );
      const contents = await contentsOf(target.db);
      expect(Object.values(contents).every((rows) => rows.length === 0)).toBe(true);
    } finally {
      await target.close();
    }
  });

  it.runIf(backend === "postgres")(
    "is one consistent snapshot while the server keeps writing",
    async () => {
      const edition = referenceProgramme2026().edition.id;
      const before = (await contentsOf(source.db)).registrations?.length ?? 0;
      let wroteDuringBackup = false;
      const lines: string[] = [];
      await writeBackup(source.db, "postgres", async (line) => {
        lines.push(line.replace(/\n$/, ""));
        // Once the header is out, registrations are written by another connection.
        if (!wroteDuringBackup) {
          wroteDuringBackup = true;
          await seedSyntheticRegistrations(source.db, edition, 5, 99);
        }
      });
      const registrations = lines.filter((l) => l.startsWith('{"table":"registrations"'));
      expect(registrations).toHaveLength(before);
      expect((await contentsOf(source.db)).registrations?.length).toBe(before + 5);
    },
  );
});

/**
 * The registration form promises that a congress's personal data is kept one year after it,
 * then only counts per subdivision (PrivacyNotice). The purge keeps that promise: after it,
 * nothing in the database names a person who registered, and the counts still add up.
 */
import type { Database } from "@tribune/db";
import { listAudit } from "@tribune/db/repos/audit";
import { registrationTalliesOf } from "@tribune/db/repos/retention";
import { countSubdivisionUses } from "@tribune/db/repos/subdivisions";
import { insertUser } from "@tribune/db/repos/users";
import { seedReferenceEdition } from "@tribune/db/seed";
import { newTestEdition, openTestDatabase, testBackends } from "@tribune/db/testing";
import { referenceProgramme2026, referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../context";
import type { ServiceContext } from "../kit";
import { cancelRegistration } from "./cancel";
import { purgeExpiredPersonalData } from "./purge-expired";
import { registerByHand } from "./register";

const LILLE = referenceSubdivision("lille").id;
const TOURS = referenceSubdivision("tours").id;
const REFERENCE_EDITION_ID = referenceProgramme2026().edition.id;

/** The tables of the public schema with a row whose text holds `needle` (test-made, no quote). */
async function tracesOf(db: Database, needle: string): Promise<string[]> {
  const rows = async <T>(query: string) =>
    ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  const tables = await rows<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const [hits] = await rows<{ n: number }>(
      `select count(*)::int as n from "${name}" t where t::text ilike '%${needle}%'`,
    );
    if ((hits?.n ?? 0) > 0) found.push(name);
  }
  return found;
}

describe.each(testBackends())("the retention purge on %s", (backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Database;
  let ctx: ServiceContext & { actor: Actor };
  let later: string;
  const at = (instant: string): ServiceContext => ({
    ...ctx,
    clock: { now: () => new Date(instant) },
  });

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    db = database.db;
    await seedReferenceEdition(db);
    const desk = await insertUser(db, {
      email: "accueil@tribune.test",
      displayName: "Accueil",
      role: "organiser",
      subdivisionId: null,
      passwordHash: "sans-objet",
    });
    ctx = { db, events: database.events, actor: { ...desk, authSessionId: "test" } };
    later = await newTestEdition(db);
    const person = (editionId: string, first: string, subdivisionId: string) => ({
      editionId,
      firstName: first,
      lastName: "Effacable",
      email: `${first.toLowerCase()}.effacable@exemple.fr`,
      subdivisionId,
      yearOfTraining: 2,
      meals: true,
      gala: false,
    });
    await registerByHand(ctx, person(REFERENCE_EDITION_ID, "Anouk", LILLE));
    await registerByHand(ctx, person(REFERENCE_EDITION_ID, "Bertille", LILLE));
    const gone = await registerByHand(ctx, person(REFERENCE_EDITION_ID, "Cyprien", TOURS));
    await cancelRegistration(ctx, gone.id);
    await registerByHand(ctx, person(later, "Dorian", TOURS));
  }, 120_000);
  afterAll(() => database.close());

  it("waits until the day after the promised date, in Paris", async () => {
    expect(await purgeExpiredPersonalData(at("2027-01-23T12:00:00Z"))).toEqual([]);
    expect(await tracesOf(db, "anouk.effacable")).toContain("registrations");
  });

  it("says what it would remove, and removes nothing, on a dry run", async () => {
    const [report] = await purgeExpiredPersonalData(at("2027-01-24T08:00:00Z"), { dryRun: true });
    expect(report).toMatchObject({ year: 2026, keptUntil: "2027-01-23", registrations: 3 });
    expect(report?.messages).toBeGreaterThanOrEqual(3);
    expect(await tracesOf(db, "anouk.effacable")).toContain("registrations");
  });

  it("leaves counts and no person behind, and leaves the next congress alone", async () => {
    const reports = await purgeExpiredPersonalData(at("2027-01-24T08:00:00Z"));
    expect(reports.map((r) => r.year)).toEqual([2026]);

    for (const name of ["Anouk", "anouk.effacable", "Bertille", "Cyprien"])
      expect(await tracesOf(db, name), name).toEqual([]);
    expect(await tracesOf(db, "dorian.effacable")).toContain("registrations");

    const tallies = await registrationTalliesOf(db, REFERENCE_EDITION_ID);
    const count = (subdivisionId: string, status: string) =>
      tallies.find((t) => t.subdivisionId === subdivisionId && t.status === status)?.count ?? 0;
    expect(count(LILLE, "registered")).toBeGreaterThanOrEqual(2);
    expect(count(TOURS, "cancelled")).toBeGreaterThanOrEqual(1);
    // A subdivision with a purged history still has one: it cannot be deleted as unused.
    expect((await countSubdivisionUses(db, TOURS)).registrations).toBeGreaterThanOrEqual(2);

    const audit = await listAudit(db, { limit: 50 });
    const purge = audit.find((e) => e.action === "purge");
    expect(purge).toMatchObject({ entity: "edition", entityId: REFERENCE_EDITION_ID });
  });

  it("runs once per edition", async () => {
    expect(await purgeExpiredPersonalData(at("2027-02-01T08:00:00Z"))).toEqual([]);
  });
});

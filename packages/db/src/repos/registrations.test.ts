import { enforce } from "@tribune/domain/kernel";
import { type Registration, registrationOutcome } from "@tribune/domain/union";
import { referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Executor } from "../client";
import { seedReferenceEdition } from "../seed/reference";
import { seedSyntheticRegistrations } from "../seed/subdivisions";
import { type Backend, newTestEdition, openTestDatabase, testBackends } from "../testing";
import { idempotent } from "./idempotency";
import {
  admitRegistration,
  confirmedCount,
  editionCapacity,
  listRegistrations,
  liveCounts,
  lockForCancellation,
  lockRegistrationFacts,
  markArrived,
  markCancelled,
  promoteWaitlisted,
  type RegistrationFields,
  setEditionCapacity,
} from "./registrations";

const LILLE = referenceSubdivision("lille").id;
const NANCY = referenceSubdivision("nancy").id;

const person = (editionId: string, n: number, subdivisionId = LILLE): RegistrationFields => ({
  editionId,
  firstName: `Prénom${n}`,
  lastName: `Nom${n}`,
  email: `interne${n}@exemple.fr`,
  subdivisionId,
  yearOfTraining: 1,
  meals: true,
  gala: n % 2 === 0,
});

/**
 * The repository's part of a registration, with the domain's rule between the facts and the
 * write, as the register service (and the synthetic seed) run it; the service's own tests
 * (api/src/services/registrations) cover the rules, the audit and the concurrency.
 */
async function admit(tx: Executor, fields: RegistrationFields): Promise<Registration> {
  const facts = await lockRegistrationFacts(tx, fields.editionId, fields.email);
  const admission = enforce(registrationOutcome(facts));
  return admitRegistration(
    tx,
    fields,
    { ...admission, memberId: facts.memberId },
    {
      createdBy: null,
    },
  );
}

const register = (db: Database, fields: RegistrationFields) =>
  db.transaction((tx) => admit(tx, fields));

describe.each(testBackends())("registrations on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Database;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    db = database.db;
    await seedReferenceEdition(db);
  }, 120_000);
  afterAll(() => database.close());

  it("reads the facts a registration is decided on, under the edition's lock", async () => {
    const editionId = await newTestEdition(db, 2);
    for (let n = 1; n <= 3; n++) await register(db, person(editionId, n));
    const facts = await db.transaction((tx) =>
      lockRegistrationFacts(tx, editionId, "INTERNE2@exemple.fr"),
    );
    expect(facts).toMatchObject({
      email: "interne2@exemple.fr",
      existing: { status: "registered" },
      confirmed: 2,
      waitlisted: 1,
      capacity: 2,
    });
    const newcomer = await db.transaction((tx) =>
      lockRegistrationFacts(tx, editionId, "personne@exemple.fr"),
    );
    expect(newcomer.existing).toBeNull();
  });

  it("cancels and promotes as many as asked, first waiting first", async () => {
    const editionId = await newTestEdition(db, 2);
    const people: Registration[] = [];
    for (let n = 1; n <= 5; n++) people.push(await register(db, person(editionId, n)));
    const { promoted, locked } = await db.transaction(async (tx) => {
      const locked = await lockForCancellation(tx, people[0]?.id as string);
      await markCancelled(tx, people[0]?.id as string);
      expect(await confirmedCount(tx, editionId)).toBe(1);
      return { locked, promoted: await promoteWaitlisted(tx, editionId, 1) };
    });
    expect(locked).toMatchObject({ capacity: 2, registration: { status: "registered" } });
    expect(promoted.map((p) => p.email)).toEqual([people[2]?.email]);
    expect(await db.transaction((tx) => lockForCancellation(tx, crypto.randomUUID()))).toBeNull();
    // No limit: everyone waiting.
    await db.transaction((tx) => setEditionCapacity(tx, editionId, null));
    const rest = await db.transaction((tx) => promoteWaitlisted(tx, editionId, null));
    expect(rest.map((p) => p.email).sort()).toEqual([people[3]?.email, people[4]?.email].sort());
  });

  it("marks an arrival once; a second time reads the person back as they are", async () => {
    const editionId = await newTestEdition(db, 1);
    const first = await register(db, person(editionId, 1));
    const waiting = await register(db, person(editionId, 2));
    const once = await markArrived(db, { id: first.id }, null);
    expect(once).toMatchObject({ arrivedNow: true, registration: { status: "checked_in" } });
    const twice = await markArrived(db, { editionId, code: first.code }, null);
    expect(twice).toMatchObject({ arrivedNow: false, registration: { status: "checked_in" } });
    expect(twice?.registration.checkedInAt).toBe(once?.registration.checkedInAt);
    expect(await markArrived(db, { id: waiting.id }, null)).toMatchObject({
      arrivedNow: false,
      registration: { status: "waitlisted", waitlistPosition: 1 },
    });
    expect(await markArrived(db, { editionId, code: "ZZZZ-ZZZZ" }, null)).toBeNull();
  });

  it("counts registrations and arrivals per subdivision", async () => {
    const editionId = await newTestEdition(db, 2);
    const a = await register(db, person(editionId, 1, LILLE));
    await register(db, person(editionId, 2, NANCY));
    await register(db, person(editionId, 3, NANCY));
    await markArrived(db, { id: a.id }, null);
    const counts = await liveCounts(db, editionId);
    expect(counts.capacity).toBe(2);
    expect(counts.totals).toEqual({ confirmed: 2, waitlisted: 1, cancelled: 0, checkedIn: 1 });
    expect(counts.bySubdivision).toHaveLength(23);
    expect(counts.bySubdivision.find((s) => s.subdivisionId === LILLE)).toMatchObject({
      confirmed: 1,
      checkedIn: 1,
    });
    expect(counts.bySubdivision.find((s) => s.subdivisionId === NANCY)).toMatchObject({
      confirmed: 1,
      waitlisted: 1,
    });
    expect(await editionCapacity(db, editionId)).toMatchObject({ confirmed: 2, checkedIn: 1 });
  });

  it("an idempotent retry answers the first outcome and writes nothing", async () => {
    const editionId = await newTestEdition(db, null);
    const input = person(editionId, 1);
    const run = () =>
      idempotent(db, "test.register", "cle-de-test-1", input, async (tx) => {
        const registration = await admit(tx, input);
        return { code: registration.code };
      });
    const first = await run();
    const retry = await run();
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ value: first.value, replayed: true });
    expect((await listRegistrations(db, { editionId })).total).toBe(1);
    await expect(
      idempotent(db, "test.register", "cle-de-test-1", { other: true }, async () => 1),
    ).rejects.toMatchObject({ code: "invalid" });
  });

  it("seeds deterministic synthetic registrations within the capacity", async () => {
    const editionId = await newTestEdition(db, 50);
    const outcome = await seedSyntheticRegistrations(db, editionId, 60);
    expect(outcome).toEqual({ registered: 50, waitlisted: 10, skipped: 0 });
    const page = await listRegistrations(db, { editionId, limit: 1000 });
    expect(page.items.every((r) => r.synthetic && r.memberId !== null)).toBe(true);
    expect(await seedSyntheticRegistrations(db, editionId, 60)).toMatchObject({ skipped: 60 });
  });

  describe("under concurrent requests", () => {
    it("concurrent idempotent retries write one registration", async () => {
      const editionId = await newTestEdition(db, null);
      const input = person(editionId, 1);
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          idempotent(db, "test.register", `cle-concurrente-${editionId}`, input, async (tx) => {
            const registration = await admit(tx, input);
            return { code: registration.code };
          }),
        ),
      );
      expect(new Set(results.map((r) => r.value.code)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect((await listRegistrations(db, { editionId })).total).toBe(1);
    });
  });
});

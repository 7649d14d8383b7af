import { DomainError, type Registration, referenceSubdivision } from "@tribune/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { seedReferenceEdition } from "../seed/reference";
import { seedSyntheticRegistrations } from "../seed/subdivisions";
import { type Backend, newTestEdition, openTestDatabase, testBackends } from "../testing";
import { listAudit } from "./audit";
import { idempotent } from "./idempotency";
import {
  cancelRegistration,
  capacityViolations,
  checkInRegistration,
  editionCapacity,
  listRegistrations,
  liveCounts,
  type RegistrationFields,
  registerAttendee,
  setEditionCapacity,
} from "./registrations";

const LILLE = referenceSubdivision("lille").id;
const NANCY = referenceSubdivision("nancy").id;
const SYSTEM_ACTOR = { id: null, email: "accueil@tribune.test" };

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

const register = (db: Database, fields: RegistrationFields) =>
  db.transaction((tx) => registerAttendee(tx, fields, { createdBy: null }));

describe.each(testBackends())("registrations on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Database;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    db = database.db;
    await seedReferenceEdition(db);
  });
  afterAll(() => database.close());

  it("confirms up to the capacity, then waitlists in arrival order", async () => {
    const editionId = await newTestEdition(db, 2);
    const outcomes = [];
    for (let n = 1; n <= 4; n++)
      outcomes.push((await register(db, person(editionId, n))).registration);
    expect(outcomes.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ["registered", null],
      ["registered", null],
      ["waitlisted", 1],
      ["waitlisted", 2],
    ]);
    expect(outcomes[0]?.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await editionCapacity(db, editionId)).toMatchObject({
      capacity: 2,
      confirmed: 2,
      waitlisted: 2,
    });
  });

  it("refuses a second registration with the same email, saying so", async () => {
    const editionId = await newTestEdition(db, null);
    await register(db, person(editionId, 1));
    const again = { ...person(editionId, 1), email: "INTERNE1@exemple.fr", firstName: "Autre" };
    const error = await register(db, again).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "already_exists" });
    expect((error as Error).message).toMatch(
      /^Une inscription existe déjà pour l'adresse interne1@exemple\.fr \(statut : inscrit·e\)/,
    );
  });

  it("a cancellation gives the place to the first person waiting", async () => {
    const editionId = await newTestEdition(db, 2);
    const people: Registration[] = [];
    for (let n = 1; n <= 4; n++)
      people.push((await register(db, person(editionId, n))).registration);
    const { registration, promoted } = await db.transaction((tx) =>
      cancelRegistration(tx, people[0]?.id as string),
    );
    expect(registration.status).toBe("cancelled");
    expect(promoted.map((p) => p.email)).toEqual([people[2]?.email]);
    const page = await listRegistrations(db, { editionId, status: "waitlisted" });
    expect(page.items.map((r) => [r.email, r.waitlistPosition])).toEqual([[people[3]?.email, 1]]);
    // Cancelling twice changes nothing and promotes nobody.
    const again = await db.transaction((tx) => cancelRegistration(tx, people[0]?.id as string));
    expect(again.promoted).toEqual([]);
  });

  it("a cancelled person may register again, at the end of the queue", async () => {
    const editionId = await newTestEdition(db, 1);
    const first = (await register(db, person(editionId, 1))).registration;
    await register(db, person(editionId, 2));
    await db.transaction((tx) => cancelRegistration(tx, first.id));
    // Person 2 was promoted; person 1 comes back on the waitlist with the same code.
    const back = await register(db, person(editionId, 1));
    expect(back.reactivated).toBe(true);
    expect(back.registration).toMatchObject({
      code: first.code,
      status: "waitlisted",
      waitlistPosition: 1,
    });
  });

  it("raising the capacity promotes from the waitlist", async () => {
    const editionId = await newTestEdition(db, 1);
    for (let n = 1; n <= 4; n++) await register(db, person(editionId, n));
    const { promoted } = await db.transaction((tx) => setEditionCapacity(tx, editionId, 3));
    expect(promoted.map((p) => p.email).sort()).toEqual([
      "interne2@exemple.fr",
      "interne3@exemple.fr",
    ]);
  });

  it("checks in once; the second time reports the first time", async () => {
    const editionId = await newTestEdition(db, 1);
    const first = (await register(db, person(editionId, 1))).registration;
    const waiting = (await register(db, person(editionId, 2))).registration;
    const once = await checkInRegistration(db, { id: first.id }, SYSTEM_ACTOR);
    expect(once.alreadyCheckedIn).toBe(false);
    expect(once.registration.status).toBe("checked_in");
    const twice = await checkInRegistration(db, { id: first.id }, SYSTEM_ACTOR);
    expect(twice).toMatchObject({ alreadyCheckedIn: true });
    expect(twice.registration.checkedInAt).toBe(once.registration.checkedInAt);
    await expect(checkInRegistration(db, { id: waiting.id }, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/liste d'attente \(position 1\)/),
    });
    await expect(db.transaction((tx) => cancelRegistration(tx, first.id))).rejects.toMatchObject({
      code: "invalid",
    });
    // The arrival is audited once, in the same statement; the repeat writes nothing.
    const audited = (await listAudit(db, { entity: "registration", limit: 500 })).filter(
      (e) => e.entityId === first.id && e.action === "check_in",
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      actorEmail: "accueil@tribune.test",
      after: { status: "checked_in" },
    });
  });

  it("checks in by code, and names a code it does not know", async () => {
    const editionId = await newTestEdition(db, null);
    const { registration } = await register(db, person(editionId, 1));
    const byCode = await checkInRegistration(
      db,
      { editionId, code: registration.code },
      SYSTEM_ACTOR,
    );
    expect(byCode.registration).toMatchObject({ id: registration.id, status: "checked_in" });
    await expect(
      checkInRegistration(db, { editionId, code: "ZZZZ-ZZZZ" }, SYSTEM_ACTOR),
    ).rejects.toMatchObject({ code: "not_found", message: expect.stringContaining("ZZZZ-ZZZZ") });
  });

  it("counts registrations and arrivals per subdivision", async () => {
    const editionId = await newTestEdition(db, 2);
    const a = (await register(db, person(editionId, 1, LILLE))).registration;
    await register(db, person(editionId, 2, NANCY));
    await register(db, person(editionId, 3, NANCY));
    await checkInRegistration(db, { id: a.id }, SYSTEM_ACTOR);
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
  });

  it("an idempotent retry answers the first outcome and writes nothing", async () => {
    const editionId = await newTestEdition(db, null);
    const input = person(editionId, 1);
    const run = () =>
      idempotent(db, "test.register", "cle-de-test-1", input, async (tx) => {
        const { registration } = await registerAttendee(tx, input, { createdBy: null });
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
    it("250 registrations against 100 places: exactly 100 confirmed, none lost, waitlist in arrival order", async () => {
      const editionId = await newTestEdition(db, 100);
      const results = await Promise.all(
        Array.from({ length: 250 }, (_, i) => register(db, person(editionId, i + 1))),
      );
      expect(results).toHaveLength(250);
      const all = (await listRegistrations(db, { editionId, limit: 1000 })).items;
      expect(all).toHaveLength(250);
      expect(new Set(all.map((r) => r.email)).size).toBe(250);
      expect(new Set(all.map((r) => r.code)).size).toBe(250);
      const confirmed = all.filter((r) => r.status === "registered");
      const waiting = all.filter((r) => r.status === "waitlisted");
      expect(confirmed).toHaveLength(100);
      expect(waiting).toHaveLength(150);
      // Arrival order is the order in which requests got the lock: every confirmed person
      // arrived before every waitlisted one, and positions run 1..150 without a gap.
      const positions = waiting.map((r) => r.waitlistPosition).sort((a, b) => (a ?? 0) - (b ?? 0));
      expect(positions).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
      const byPosition = [...waiting].sort(
        (a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0),
      );
      const times = byPosition.map((r) => r.registeredAt);
      expect(times).toEqual([...times].sort());
      const lastConfirmedAt = Math.max(...confirmed.map((r) => Date.parse(r.registeredAt)));
      const firstWaitingAt = Math.min(...waiting.map((r) => Date.parse(r.registeredAt)));
      expect(lastConfirmedAt).toBeLessThanOrEqual(firstWaitingAt);
      expect(await capacityViolations(db)).toEqual([]);
    });

    it("the same person submitting twice at once is registered once", async () => {
      const editionId = await newTestEdition(db, 100);
      const attempts = Array.from({ length: 40 }, (_, i) => person(editionId, (i % 20) + 1));
      const settled = await Promise.allSettled(attempts.map((fields) => register(db, fields)));
      expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(20);
      const refused = settled.filter((s) => s.status === "rejected");
      expect(refused).toHaveLength(20);
      for (const r of refused)
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "already_exists" });
      expect((await listRegistrations(db, { editionId })).total).toBe(20);
    });

    it("concurrent cancellations promote exactly as many people as they free places", async () => {
      const editionId = await newTestEdition(db, 30);
      const people: Registration[] = [];
      for (let n = 1; n <= 60; n++)
        people.push((await register(db, person(editionId, n))).registration);
      const cancelled = people.slice(0, 20);
      const outcomes = await Promise.all(
        cancelled.map((r) => db.transaction((tx) => cancelRegistration(tx, r.id))),
      );
      const promoted = outcomes.flatMap((o) => o.promoted.map((p) => p.email));
      // The first 20 waiting (people 31..50) got the 20 places, each exactly once.
      expect(promoted.sort()).toEqual(
        people
          .slice(30, 50)
          .map((r) => r.email)
          .sort(),
      );
      expect(await editionCapacity(db, editionId)).toMatchObject({
        confirmed: 30,
        waitlisted: 10,
        cancelled: 20,
      });
      expect(await capacityViolations(db)).toEqual([]);
    });

    it("concurrent idempotent retries write one registration", async () => {
      const editionId = await newTestEdition(db, null);
      const input = person(editionId, 1);
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          idempotent(db, "test.register", `cle-concurrente-${editionId}`, input, async (tx) => {
            const { registration } = await registerAttendee(tx, input, { createdBy: null });
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

/**
 * Registering, cancelling, capacity and check-in as the services run them: the domain's
 * decisions over the repositories' locks and facts, in one transaction with their audit.
 */
import type { Database } from "@tribune/db";
import { listAudit } from "@tribune/db/repos/audit";
import {
  capacityViolations,
  editionCapacity,
  listRegistrations,
} from "@tribune/db/repos/registrations";
import { insertUser } from "@tribune/db/repos/users";
import { seedReferenceEdition } from "@tribune/db/seed";
import { newTestEdition, openTestDatabase, testBackends } from "@tribune/db/testing";
import { DomainError } from "@tribune/domain/kernel";
import type { Registration } from "@tribune/domain/union";
import { referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../context";
import type { ServiceContext } from "../kit";
import { cancelRegistration } from "./cancel";
import { checkIn } from "./check-in";
import { registerByHand } from "./register";
import { setCapacity } from "./set-capacity";

const LILLE = referenceSubdivision("lille").id;

const person = (editionId: string, n: number, subdivisionId = LILLE) => ({
  editionId,
  firstName: `Prénom${n}`,
  lastName: `Nom${n}`,
  email: `interne${n}@exemple.fr`,
  subdivisionId,
  yearOfTraining: 1,
  meals: true,
  gala: n % 2 === 0,
});

describe.each(testBackends())("registration services on %s", (backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Database;
  let ctx: ServiceContext & { actor: Actor };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    db = database.db;
    await seedReferenceEdition(db);
    // The desk's account; it never signs in here, so any hash will do.
    const desk = await insertUser(db, {
      email: "accueil@tribune.test",
      displayName: "Accueil",
      role: "organiser",
      subdivisionId: null,
      passwordHash: "sans-objet",
    });
    ctx = { db, events: database.events, actor: { ...desk, authSessionId: "test" } };
  }, 120_000);
  afterAll(() => database.close());

  const register = (fields: ReturnType<typeof person>) => registerByHand(ctx, fields);
  const cancel = (id: string) => cancelRegistration(ctx, id);

  it("confirms up to the capacity, then waitlists in arrival order", async () => {
    const editionId = await newTestEdition(db, 2);
    const outcomes = [];
    for (let n = 1; n <= 4; n++) outcomes.push(await register(person(editionId, n)));
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
    await register(person(editionId, 1));
    const again = { ...person(editionId, 1), email: "INTERNE1@exemple.fr", firstName: "Autre" };
    const error = await register(again).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "already_exists" });
    expect((error as Error).message).toMatch(
      /^Une inscription existe déjà pour l'adresse interne1@exemple\.fr \(statut : inscrit·e\)/,
    );
  });

  it("a cancellation gives the place to the first person waiting", async () => {
    const editionId = await newTestEdition(db, 2);
    const people: Registration[] = [];
    for (let n = 1; n <= 4; n++) people.push(await register(person(editionId, n)));
    const { registration, promoted } = await cancel(people[0]?.id as string);
    expect(registration.status).toBe("cancelled");
    expect(promoted.map((p) => p.email)).toEqual([people[2]?.email]);
    const page = await listRegistrations(db, { editionId, status: "waitlisted" });
    expect(page.items.map((r) => [r.email, r.waitlistPosition])).toEqual([[people[3]?.email, 1]]);
    // Cancelling twice changes nothing and promotes nobody.
    const again = await cancel(people[0]?.id as string);
    expect(again.promoted).toEqual([]);
  });

  it("a cancelled person may register again, at the end of the queue", async () => {
    const editionId = await newTestEdition(db, 1);
    const first = await register(person(editionId, 1));
    await register(person(editionId, 2));
    await cancel(first.id);
    // Person 2 was promoted; person 1 comes back on the waitlist with the same code.
    const back = await register(person(editionId, 1));
    expect(back.id).toBe(first.id);
    expect(back).toMatchObject({
      code: first.code,
      status: "waitlisted",
      waitlistPosition: 1,
    });
    const audited = (await listAudit(db, { entity: "registration", limit: 500 })).filter(
      (e) => e.entityId === first.id,
    );
    expect(audited.map((e) => e.action)).toEqual(["update", "cancel", "create"]);
  });

  it("raising the capacity promotes from the waitlist", async () => {
    const editionId = await newTestEdition(db, 1);
    for (let n = 1; n <= 4; n++) await register(person(editionId, n));
    const { promoted } = await setCapacity(ctx, { editionId, capacity: 3 });
    expect(promoted.map((p) => p.email).sort()).toEqual([
      "interne2@exemple.fr",
      "interne3@exemple.fr",
    ]);
  });

  it("checks in once; the second time reports the first time", async () => {
    const editionId = await newTestEdition(db, 1);
    const first = await register(person(editionId, 1));
    const waiting = await register(person(editionId, 2));
    const once = await checkIn(ctx, { registrationId: first.id });
    expect(once.alreadyCheckedIn).toBe(false);
    expect(once.registration.status).toBe("checked_in");
    const twice = await checkIn(ctx, { registrationId: first.id });
    expect(twice).toMatchObject({ alreadyCheckedIn: true });
    expect(twice.registration.checkedInAt).toBe(once.registration.checkedInAt);
    await expect(checkIn(ctx, { registrationId: waiting.id })).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/liste d'attente \(position 1\)/),
    });
    await expect(cancel(first.id)).rejects.toMatchObject({ code: "invalid" });
    // The arrival is audited once, with the check-in; the repeat writes nothing.
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
    const registration = await register(person(editionId, 1));
    const byCode = await checkIn(ctx, { editionId, code: registration.code });
    expect(byCode.registration).toMatchObject({ id: registration.id, status: "checked_in" });
    await expect(checkIn(ctx, { editionId, code: "ZZZZ-ZZZZ" })).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining("ZZZZ-ZZZZ"),
    });
  });

  it("two desks scanning the same person at once: one arrival, the other says when", async () => {
    const editionId = await newTestEdition(db, null);
    const registration = await register(person(editionId, 1));
    const scans = await Promise.all(
      Array.from({ length: 6 }, () => checkIn(ctx, { editionId, code: registration.code })),
    );
    expect(scans.filter((s) => !s.alreadyCheckedIn)).toHaveLength(1);
    expect(new Set(scans.map((s) => s.registration.checkedInAt)).size).toBe(1);
    const audited = (await listAudit(db, { entity: "registration", limit: 500 })).filter(
      (e) => e.entityId === registration.id && e.action === "check_in",
    );
    expect(audited).toHaveLength(1);
  }, 120_000);

  describe("under concurrent requests", () => {
    it("250 registrations against 100 places: exactly 100 confirmed, none lost, waitlist in arrival order", async () => {
      const editionId = await newTestEdition(db, 100);
      const results = await Promise.all(
        Array.from({ length: 250 }, (_, i) => register(person(editionId, i + 1))),
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
    }, 120_000);

    it("the same person submitting twice at once is registered once", async () => {
      const editionId = await newTestEdition(db, 100);
      const attempts = Array.from({ length: 40 }, (_, i) => person(editionId, (i % 20) + 1));
      const settled = await Promise.allSettled(attempts.map((fields) => register(fields)));
      expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(20);
      const refused = settled.filter((s) => s.status === "rejected");
      expect(refused).toHaveLength(20);
      for (const r of refused)
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "already_exists" });
      expect((await listRegistrations(db, { editionId })).total).toBe(20);
    }, 120_000);

    it("concurrent cancellations promote exactly as many people as they free places", async () => {
      const editionId = await newTestEdition(db, 30);
      const people: Registration[] = [];
      for (let n = 1; n <= 60; n++) people.push(await register(person(editionId, n)));
      const cancelled = people.slice(0, 20);
      const outcomes = await Promise.all(cancelled.map((r) => cancel(r.id)));
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
    }, 120_000);

    it("concurrent idempotent retries write one registration", async () => {
      const editionId = await newTestEdition(db, null);
      const input = { ...person(editionId, 1), idempotencyKey: `cle-concurrente-${editionId}` };
      const results = await Promise.all(Array.from({ length: 10 }, () => register(input)));
      expect(new Set(results.map((r) => r.code)).size).toBe(1);
      expect((await listRegistrations(db, { editionId })).total).toBe(1);
      const created = (await listAudit(db, { entity: "registration", limit: 500 })).filter(
        (e) => e.entityId === results[0]?.id,
      );
      expect(created.map((e) => e.action)).toEqual(["create"]);
    });
  });
});

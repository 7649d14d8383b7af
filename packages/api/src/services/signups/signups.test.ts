/**
 * Workshop sign-ups as the services run them: the domain's decisions over the repositories'
 * locks and facts (session, then person), in one transaction with their audit.
 */
import type { Database } from "@tribune/db";
import { listAudit } from "@tribune/db/repos/audit";
import { allRegistrations } from "@tribune/db/repos/registrations";
import { insertRoom } from "@tribune/db/repos/rooms";
import { findSession, insertSession, replaceSession } from "@tribune/db/repos/sessions";
import { listSessionSignups, sessionPlaces, signupViolations } from "@tribune/db/repos/signups";
import { seedReferenceEdition } from "@tribune/db/seed";
import { newTestEdition, openTestDatabase, testBackends } from "@tribune/db/testing";
import { DomainError } from "@tribune/domain/kernel";
import { referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { change, type ServiceContext } from "../kit";
import { cancelIn, cancelRegistration } from "../registrations/cancel";
import { registerSelf } from "../registrations/register";
import { fillPlaces } from "./fill-places";
import { addByHand } from "./join";
import { removeByHand } from "./leave";
import { setSessionPlaces } from "./set-capacity";

const LILLE = referenceSubdivision("lille").id;

describe.each(testBackends())("sign-up services on %s", (backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Database;
  let ctx: ServiceContext;
  let attendeeCount = 0;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    db = database.db;
    await seedReferenceEdition(db);
    ctx = { db, events: database.events, actor: null };
  }, 120_000);
  afterAll(() => database.close());

  async function newSession(
    editionId: string,
    {
      title = "Atelier",
      kind = "atelier" as const,
      roomCapacity = 10 as number | null,
      capacityOverride = null as number | null,
      startsAt = "2027-01-21T09:00:00.000Z",
      endsAt = "2027-01-21T10:30:00.000Z",
    } = {},
  ) {
    return db.transaction(async (tx) => {
      const room = await insertRoom(tx, {
        editionId,
        name: `Salle ${title}`,
        capacity: roomCapacity,
        order: 0,
        days: [],
      });
      return insertSession(tx, {
        editionId,
        kind,
        title,
        description: "",
        startsAt,
        endsAt,
        roomIds: [room.id],
        wholeVenue: false,
        speakerIds: [],
        themes: [],
        partnerId: null,
        capacityOverride,
        published: true,
      });
    });
  }

  async function attendees(editionId: string, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 1; i <= n; i++) {
      attendeeCount += 1;
      const email = `atelier${attendeeCount}@exemple.fr`;
      await registerSelf(ctx, {
        editionId,
        firstName: `Prénom${i}`,
        lastName: `Nom${i}`,
        email,
        subdivisionId: LILLE,
        yearOfTraining: 2,
        meals: true,
        gala: false,
      });
      const [registration] = await allRegistrations(db, { editionId, search: email });
      ids.push(registration?.id as string);
    }
    return ids;
  }

  const join = (registrationId: string, sessionId: string) =>
    addByHand(ctx, { registrationId, sessionId });
  const leave = (registrationId: string, sessionId: string) =>
    removeByHand(ctx, { registrationId, sessionId });

  it("confirms up to the room's capacity, then waitlists in arrival order", async () => {
    const editionId = await newTestEdition(db);
    const session = await newSession(editionId, { roomCapacity: 2 });
    const people = await attendees(editionId, 4);
    const outcomes = [];
    for (const id of people) outcomes.push(await join(id, session.id));
    expect(outcomes.map((s) => [s.status, s.waitlistPosition])).toEqual([
      ["registered", null],
      ["registered", null],
      ["waitlisted", 1],
      ["waitlisted", 2],
    ]);
    expect((await sessionPlaces(db, editionId))[0]).toMatchObject({
      capacity: 2,
      confirmed: 2,
      waitlisted: 2,
      placesLeft: 0,
    });
  });

  it("the session's override beats the room's capacity", async () => {
    const editionId = await newTestEdition(db);
    const session = await newSession(editionId, { roomCapacity: 50, capacityOverride: 1 });
    const [a, b] = await attendees(editionId, 2);
    expect((await join(a as string, session.id)).status).toBe("registered");
    expect((await join(b as string, session.id)).status).toBe("waitlisted");
  });

  it("refuses sign-ups while the capacity is unknown, telling organisers what to set", async () => {
    const editionId = await newTestEdition(db);
    const session = await newSession(editionId, { roomCapacity: null });
    const [a] = await attendees(editionId, 1);
    await expect(join(a as string, session.id)).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/capacité .* n'est pas connue/),
    });
    expect((await sessionPlaces(db, editionId))[0]?.capacity).toBeNull();
  });

  it("refuses sessions that need no sign-up, and attendees without a congress place", async () => {
    const editionId = await newTestEdition(db, 1);
    const session = await newSession(editionId, { roomCapacity: 5 });
    const [a, b] = (await attendees(editionId, 2)) as [string, string]; // b is waitlisted
    await expect(join(b, session.id)).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/n'est pas confirmée \(liste d'attente\)/),
    });
    const plenary = await newSession(editionId, { kind: "pleniere" as never });
    await expect(join(a, plenary.id)).rejects.toBeInstanceOf(DomainError);
  });

  it("leaving gives the place to the first person waiting; leaving twice is harmless", async () => {
    const editionId = await newTestEdition(db);
    const session = await newSession(editionId, { roomCapacity: 2 });
    const people = (await attendees(editionId, 4)) as [string, string, string, string];
    for (const id of people) await join(id, session.id);
    const { promoted, signup } = await leave(people[0], session.id);
    expect(signup?.status).toBe("cancelled");
    expect(promoted.map((p) => p.registrationId)).toEqual([people[2]]);
    const list = await listSessionSignups(db, session.id);
    expect(list.map((s) => [s.registrationId, s.status, s.waitlistPosition])).toEqual([
      [people[1], "registered", null],
      [people[2], "registered", null],
      [people[3], "waitlisted", 1],
      [people[0], "cancelled", null],
    ]);
    expect((await leave(people[0], session.id)).promoted).toEqual([]);
    // Coming back: at the end of the queue.
    expect(await join(people[0], session.id)).toMatchObject({
      status: "waitlisted",
      waitlistPosition: 2,
    });
    // Someone who never signed up cannot leave.
    const [stranger] = (await attendees(editionId, 1)) as [string];
    await expect(leave(stranger, session.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("signing up again answers the same sign-up and writes nothing", async () => {
    const editionId = await newTestEdition(db);
    const session = await newSession(editionId, { roomCapacity: 5 });
    const [a] = (await attendees(editionId, 1)) as [string];
    const first = await join(a, session.id);
    const again = await join(a, session.id);
    expect(again.alreadySignedUp).toBe(true);
    expect(again).toEqual({ ...first, alreadySignedUp: true });
    const run = () =>
      addByHand(ctx, { registrationId: a, sessionId: session.id, idempotencyKey: `cle-${a}` });
    const r1 = await run();
    const r2 = await run();
    expect(r2).toEqual(r1);
    expect(await listSessionSignups(db, session.id)).toHaveLength(1);
    const audited = (await listAudit(db, { entity: "registration", limit: 500 })).filter(
      (e) => e.entityId === a && e.action === "update",
    );
    expect(audited).toHaveLength(1);
  });

  it("refuses a confirmed place in two overlapping sessions, naming the other one", async () => {
    const editionId = await newTestEdition(db);
    const morning = await newSession(editionId, { title: "Atelier IA", roomCapacity: 5 });
    const overlapping = await newSession(editionId, {
      title: "Boîte à outils installation",
      kind: "boite_a_outils" as never,
      roomCapacity: 5,
      startsAt: "2027-01-21T10:00:00.000Z",
      endsAt: "2027-01-21T11:00:00.000Z",
    });
    const later = await newSession(editionId, {
      title: "Atelier climat",
      roomCapacity: 5,
      startsAt: "2027-01-21T10:30:00.000Z",
      endsAt: "2027-01-21T12:00:00.000Z",
    });
    const [a] = (await attendees(editionId, 1)) as [string];
    await join(a, morning.id);
    await expect(join(a, overlapping.id)).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringContaining("« Atelier IA »"),
    });
    // Back to back is fine.
    expect((await join(a, later.id)).status).toBe("registered");
  });

  it("a waitlisted person confirmed elsewhere meanwhile is skipped by the promotion", async () => {
    const editionId = await newTestEdition(db);
    const full = await newSession(editionId, { title: "Complet", roomCapacity: 1 });
    const other = await newSession(editionId, { title: "Autre", roomCapacity: 5 });
    const [a, b, c] = (await attendees(editionId, 3)) as [string, string, string];
    await join(a, full.id);
    await join(b, full.id); // waitlisted 1
    await join(c, full.id); // waitlisted 2
    await join(b, other.id); // same time, confirmed there
    const { promoted } = await leave(a, full.id);
    expect(promoted.map((p) => p.registrationId)).toEqual([c]);
  });

  it("100 concurrent sign-ups against 20 places: exactly 20 confirmed, 80 waiting in order", async () => {
    const editionId = await newTestEdition(db);
    const session = await newSession(editionId, { roomCapacity: 20 });
    const people = await attendees(editionId, 100);
    const results = await Promise.all(people.map((id) => join(id, session.id)));
    expect(results.filter((r) => r.status === "registered")).toHaveLength(20);
    const list = await listSessionSignups(db, session.id);
    expect(list).toHaveLength(100);
    const waiting = list.filter((s) => s.status === "waitlisted");
    expect(waiting.map((s) => s.waitlistPosition)).toEqual(
      Array.from({ length: 80 }, (_, i) => i + 1),
    );
    expect(await signupViolations(db, editionId)).toEqual([]);
    // Concurrent leaves promote exactly as many as they free.
    const leavers = list.filter((s) => s.status === "registered").slice(0, 10);
    const outcomes = await Promise.all(leavers.map((s) => leave(s.registrationId, session.id)));
    const promoted = outcomes.flatMap((o) => o.promoted.map((p) => p.registrationId));
    expect(promoted.sort()).toEqual(
      waiting
        .slice(0, 10)
        .map((s) => s.registrationId)
        .sort(),
    );
    expect((await sessionPlaces(db, editionId))[0]).toMatchObject({
      confirmed: 20,
      waitlisted: 70,
    });
  }, 120_000);

  it("a larger capacity gives its new places to the people waiting, in order, at once", async () => {
    const editionId = await newTestEdition(db);
    const session = await newSession(editionId, { roomCapacity: 2 });
    const people = await attendees(editionId, 6);
    for (const id of people) await join(id, session.id);
    const raised = await setSessionPlaces(ctx, { sessionId: session.id, capacity: 4 });
    expect(raised.places).toMatchObject({ capacity: 4 });
    expect(raised.promoted.map((p) => p.registrationId)).toEqual(people.slice(2, 4));
    const [entry] = (await listAudit(db, { entity: "session", limit: 20 })).filter(
      (e) => e.entityId === session.id,
    );
    expect(entry).toMatchObject({ before: { capacity: 2 }, after: { capacity: 4 } });
    // Fewer places: nobody loses theirs, nobody is promoted.
    const lowered = await setSessionPlaces(ctx, { sessionId: session.id, capacity: 1 });
    expect(lowered.promoted).toEqual([]);
    expect((await sessionPlaces(db, editionId))[0]).toMatchObject({
      capacity: 1,
      confirmed: 4,
      waitlisted: 2,
      placesLeft: 0,
    });
    // Back to the room's capacity (2): still nobody moves.
    expect(await setSessionPlaces(ctx, { sessionId: session.id, capacity: null })).toMatchObject({
      places: { capacity: 2 },
      promoted: [],
    });
  });

  it("a session moved to a larger room promotes the people waiting", async () => {
    const editionId = await newTestEdition(db);
    const session = await newSession(editionId, { roomCapacity: 1 });
    const people = await attendees(editionId, 3);
    for (const id of people) await join(id, session.id);
    const promoted = await change(ctx, async (tx, effects) => {
      const stored = await findSession(tx, session.id);
      await replaceSession(tx, { ...(stored as typeof session), capacityOverride: 3 });
      return fillPlaces(ctx, tx, effects, session.id);
    });
    expect(promoted.map((p) => p.registrationId)).toEqual(people.slice(1));
  });

  it("a cancelled registration frees its workshop places in the cancellation's transaction", async () => {
    const editionId = await newTestEdition(db);
    const session = await newSession(editionId, { roomCapacity: 1 });
    const [a, b] = (await attendees(editionId, 2)) as [string, string];
    await join(a, session.id);
    await join(b, session.id); // waiting
    // A failure later in the transaction undoes both the cancellation and the release.
    await expect(
      change(ctx, async (tx, effects) => {
        await cancelIn(tx, effects, a);
        throw new Error("panne");
      }),
    ).rejects.toThrow("panne");
    expect((await listSessionSignups(db, session.id)).map((s) => s.status)).toEqual([
      "registered",
      "waitlisted",
    ]);
    const { released } = await change(ctx, (tx, effects) => cancelIn(tx, effects, a));
    expect(released.map((r) => r.promoted.map((p) => p.registrationId))).toEqual([[b]]);
    expect(
      (await listSessionSignups(db, session.id)).map((s) => [s.registrationId, s.status]),
    ).toEqual([
      [b, "registered"],
      [a, "cancelled"],
    ]);
  });

  it("cancellations, leaves and joins at once: no deadlock escapes, no session over capacity", async () => {
    const editionId = await newTestEdition(db);
    const morning = await newSession(editionId, { title: "Matin", roomCapacity: 5 });
    const afternoon = await newSession(editionId, {
      title: "Après-midi",
      roomCapacity: 5,
      startsAt: "2027-01-21T14:00:00.000Z",
      endsAt: "2027-01-21T15:30:00.000Z",
    });
    const people = await attendees(editionId, 30);
    const first = people.slice(0, 20);
    for (const id of first) {
      await join(id, morning.id);
      await join(id, afternoon.id);
    }
    const cancelling = first.filter((_, i) => i % 2 === 0);
    const leaving = first.filter((_, i) => i % 2 === 1).slice(0, 5);
    await Promise.all([
      ...cancelling.map((id) => cancelRegistration(ctx, id)),
      ...leaving.map((id) => leave(id, morning.id)),
      ...people.slice(20).map((id) => join(id, afternoon.id)),
    ]);
    expect(await signupViolations(db, editionId)).toEqual([]);
    for (const session of [morning, afternoon]) {
      const list = await listSessionSignups(db, session.id);
      const active = list.filter((s) => s.status !== "cancelled");
      // Every place that can be filled is: min(capacity, people still signed up).
      expect(active.filter((s) => s.status === "registered")).toHaveLength(
        Math.min(5, active.length),
      );
      expect(
        list.some((s) => cancelling.includes(s.registrationId) && s.status !== "cancelled"),
      ).toBe(false);
    }
  }, 120_000);
});

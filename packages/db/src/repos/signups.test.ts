import { enforce } from "@tribune/domain/kernel";
import { registrationOutcome } from "@tribune/domain/union";
import { referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { seedReferenceEdition } from "../seed/reference";
import { type Backend, newTestEdition, openTestDatabase, testBackends } from "../testing";
import { admitRegistration, lockRegistrationFacts } from "./registrations";
import { insertRoom } from "./rooms";
import { insertSession } from "./sessions";
import {
  activeSignupSessionIds,
  findSignupSession,
  listSessionSignups,
  lockForLeave,
  lockSignupFacts,
  sessionPlaces,
  setSessionCapacity,
  setSignupStatus,
  signupViolations,
  waitingSignups,
  writeSignup,
} from "./signups";

const LILLE = referenceSubdivision("lille").id;

async function newSession(
  db: Database,
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

async function attendees(db: Database, editionId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const fields = {
      editionId,
      firstName: `Prénom${i}`,
      lastName: `Nom${i}`,
      email: `atelier${i}@exemple.fr`,
      subdivisionId: LILLE,
      yearOfTraining: 2,
      meals: true,
      gala: false,
    };
    const registration = await db.transaction(async (tx) => {
      const facts = await lockRegistrationFacts(tx, editionId, fields.email);
      const admission = enforce(registrationOutcome(facts));
      return admitRegistration(
        tx,
        fields,
        { ...admission, memberId: facts.memberId },
        {
          createdBy: null,
        },
      );
    });
    ids.push(registration.id);
  }
  return ids;
}

/**
 * The repositories' part of sign-ups: locks, facts and writes. The rules between them (the
 * domain's signupOutcome, leaveOutcome, takesFreedPlace) and the concurrency of joins, leaves
 * and cancellations are tested through the services (api/src/services/signups).
 */
describe.each(testBackends())("session sign-ups on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Database;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    db = database.db;
    await seedReferenceEdition(db);
  }, 120_000);
  afterAll(() => database.close());

  const sessionOf = async (id: string) => {
    const session = await findSignupSession(db, id);
    if (!session) throw new Error(`no session ${id}`);
    return session;
  };

  it("reads the facts a sign-up is decided on: places, the person, their sign-up, overlaps", async () => {
    const editionId = await newTestEdition(db, 1);
    const session = await sessionOf((await newSession(db, editionId, { roomCapacity: 2 })).id);
    const same = await sessionOf(
      (await newSession(db, editionId, { title: "En même temps", roomCapacity: 3 })).id,
    );
    const [a, b] = (await attendees(db, editionId, 2)) as [string, string];
    await db.transaction((tx) => writeSignup(tx, same.id, a, "registered", null));
    const facts = await db.transaction((tx) => lockSignupFacts(tx, session, a));
    expect(facts).toMatchObject({
      capacity: 2,
      registration: { editionId, status: "registered" },
      existing: null,
      overlap: "En même temps",
      confirmed: 0,
    });
    const waiting = await db.transaction((tx) => lockSignupFacts(tx, same, b));
    expect(waiting).toMatchObject({
      capacity: 3,
      registration: { status: "waitlisted" },
      overlap: null,
      confirmed: 1,
    });
    const nobody = await db.transaction((tx) => lockSignupFacts(tx, same, crypto.randomUUID()));
    expect(nobody.registration).toBeNull();
    // The session's override beats the room's capacity; a stored capacity beats both.
    const override = await sessionOf(
      (await newSession(db, editionId, { roomCapacity: 50, capacityOverride: 1 })).id,
    );
    expect((await db.transaction((tx) => lockSignupFacts(tx, override, a))).capacity).toBe(1);
    await db.transaction((tx) => setSessionCapacity(tx, override.id, 7));
    expect((await db.transaction((tx) => lockSignupFacts(tx, override, a))).capacity).toBe(7);
    const unknown = await sessionOf((await newSession(db, editionId, { roomCapacity: null })).id);
    expect((await db.transaction((tx) => lockSignupFacts(tx, unknown, a))).capacity).toBeNull();
    expect(
      (await sessionPlaces(db, editionId)).find((p) => p.sessionId === unknown.id),
    ).toMatchObject({ capacity: null, placesLeft: null });
  });

  it("writes sign-ups in arrival order; one who left comes back at the end of the queue", async () => {
    const editionId = await newTestEdition(db);
    const session = await sessionOf((await newSession(db, editionId, { roomCapacity: 1 })).id);
    const [a, b, c] = (await attendees(db, editionId, 3)) as [string, string, string];
    const first = await db.transaction((tx) => writeSignup(tx, session.id, a, "registered", null));
    await db.transaction((tx) => writeSignup(tx, session.id, b, "waitlisted", null));
    await db.transaction((tx) => writeSignup(tx, session.id, c, "waitlisted", null));
    expect((await waitingSignups(db, session.id)).map((s) => s.registrationId)).toEqual([b, c]);
    expect(await activeSignupSessionIds(db, a)).toEqual([session.id]);
    const left = await db.transaction(async (tx) => {
      const { signup } = await lockForLeave(tx, session, a);
      return setSignupStatus(tx, signup ?? first, "cancelled");
    });
    expect(left.status).toBe("cancelled");
    expect(await activeSignupSessionIds(db, a)).toEqual([]);
    const back = await db.transaction((tx) =>
      writeSignup(tx, session.id, a, "waitlisted", first.id),
    );
    expect(back).toMatchObject({ id: first.id, status: "waitlisted", waitlistPosition: 3 });
    expect(
      (await listSessionSignups(db, session.id)).map((s) => [s.registrationId, s.status]),
    ).toEqual([
      [b, "waitlisted"],
      [c, "waitlisted"],
      [a, "waitlisted"],
    ]);
    expect((await sessionPlaces(db, editionId))[0]).toMatchObject({
      capacity: 1,
      confirmed: 0,
      waitlisted: 3,
      placesLeft: 1,
    });
    expect(await signupViolations(db, editionId)).toEqual([]);
  });
});

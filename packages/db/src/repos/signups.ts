import { CAPACITY_LIMITED_KINDS } from "@tribune/domain/congress";
import {
  placesLeft,
  type RegistrationStatus,
  type SessionPlaces,
  type SessionSignup,
  type SessionSignupEntry,
  type SignupFacts,
  type SignupStatus,
  sessionCapacity,
} from "@tribune/domain/union";
import { and, asc, eq, getTableColumns, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  registrationQuotas,
  registrations,
  rooms,
  sessionRooms,
  sessionSignups,
  sessions,
} from "../schema";
import { iso } from "./members";
import { lockQuotaRow } from "./registrations";

type SignupRow = typeof sessionSignups.$inferSelect;

/** A sign-up's place on the session's waitlist (1 = next to get a place), computed on read. */
const waitlistPosition = sql<
  number | null
>`case when "session_signups"."status" = 'waitlisted' then (
  select count(*)::int from session_signups w
  where w.session_id = "session_signups"."session_id" and w.status = 'waitlisted'
    and w.queued_seq <= "session_signups"."queued_seq") end`;

function toSignup(row: SignupRow & { waitlistPosition: number | null }): SessionSignup {
  return {
    id: row.id,
    sessionId: row.sessionId,
    registrationId: row.registrationId,
    status: row.status,
    waitlistPosition: row.waitlistPosition === null ? null : Number(row.waitlistPosition),
    createdAt: iso(row.createdAt),
  };
}

export async function findSignup(
  db: Executor,
  sessionId: string,
  registrationId: string,
): Promise<SessionSignup | null> {
  const [row] = await db
    .select({ ...getTableColumns(sessionSignups), waitlistPosition })
    .from(sessionSignups)
    .where(
      and(
        eq(sessionSignups.sessionId, sessionId),
        eq(sessionSignups.registrationId, registrationId),
      ),
    );
  return row ? toSignup(row) : null;
}

/** What sign-ups read of a session. */
export interface SignupSession {
  id: string;
  editionId: string;
  kind: (typeof sessions.$inferSelect)["kind"];
  title: string;
  startsAt: string;
  endsAt: string;
  capacityOverride: number | null;
  published: boolean;
}

/** What sign-ups read of a session: the one being joined, or each one of a places list. */
const SIGNUP_SESSION_COLUMNS = {
  id: sessions.id,
  editionId: sessions.editionId,
  kind: sessions.kind,
  title: sessions.title,
  startsAt: sessions.startsAt,
  endsAt: sessions.endsAt,
  capacityOverride: sessions.capacityOverride,
};

/** The session as sign-ups see it, whatever its kind; null when there is none. */
export async function findSignupSession(
  db: Executor,
  sessionId: string,
): Promise<SignupSession | null> {
  const [row] = await db
    .select({ ...SIGNUP_SESSION_COLUMNS, published: sessions.published })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  return row ?? null;
}

/**
 * The session's number of places: the quota row's capacity when an organiser set one there,
 * else the session's override, else the smallest capacity of its rooms; null when unknown.
 */
export async function effectiveCapacity(
  db: Executor,
  session: Pick<SignupSession, "id" | "capacityOverride">,
  quotaCapacity: number | null,
): Promise<number | null> {
  if (quotaCapacity !== null) return quotaCapacity;
  const roomRows = await db
    .select({ capacity: rooms.capacity })
    .from(sessionRooms)
    .innerJoin(rooms, eq(rooms.id, sessionRooms.roomId))
    .where(eq(sessionRooms.sessionId, session.id));
  return sessionCapacity(
    session.capacityOverride,
    roomRows.map((r) => r.capacity),
  );
}

/**
 * Locks the session's quota row until the end of the transaction (places are counted one
 * request at a time) and answers the session's places (see effectiveCapacity) and the
 * capacity an organiser stored on the quota row.
 */
export async function lockSessionPlaces(
  tx: Executor,
  session: Pick<SignupSession, "id" | "editionId" | "capacityOverride">,
): Promise<{ capacity: number | null; quotaCapacity: number | null }> {
  const quota = await lockQuotaRow(tx, session.editionId, session.id);
  return {
    capacity: await effectiveCapacity(tx, session, quota.capacity),
    quotaCapacity: quota.capacity,
  };
}

/**
 * Locks the attendee's registration row (one sign-up change per person at a time) and
 * answers its edition and status; null when there is no such registration.
 */
export async function lockRegistrationForSignups(
  tx: Executor,
  registrationId: string,
): Promise<{ editionId: string; status: RegistrationStatus } | null> {
  const [row] = await tx
    .select({ editionId: registrations.editionId, status: registrations.status })
    .from(registrations)
    .where(eq(registrations.id, registrationId))
    .for("update");
  return row ?? null;
}

/** The title of a session the person holds a confirmed place in, at the same time as `session`. */
export async function overlappingConfirmed(
  tx: Executor,
  registrationId: string,
  session: Pick<SignupSession, "id" | "startsAt" | "endsAt">,
): Promise<string | null> {
  const [row] = await tx
    .select({ title: sessions.title })
    .from(sessionSignups)
    .innerJoin(sessions, eq(sessions.id, sessionSignups.sessionId))
    .where(
      and(
        eq(sessionSignups.registrationId, registrationId),
        eq(sessionSignups.status, "registered"),
        ne(sessionSignups.sessionId, session.id),
        sql`${sessions.startsAt} < ${session.endsAt}`,
        sql`${sessions.endsAt} > ${session.startsAt}`,
      ),
    )
    .orderBy(asc(sessions.startsAt))
    .limit(1);
  return row?.title ?? null;
}

/** Confirmed places given in the session. */
export async function confirmedSignups(tx: Executor, sessionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sessionSignups)
    .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.status, "registered")));
  return Number(row?.n ?? 0);
}

/**
 * Takes the session's lock, then the attendee's, and reads what the sign-up rule (the
 * domain's `signupOutcome`) needs: the session's places, the person's registration, their
 * sign-up here if any, a confirmed place of theirs at the same time, the places given.
 */
export async function lockSignupFacts(
  tx: Executor,
  session: SignupSession,
  registrationId: string,
): Promise<SignupFacts> {
  const { capacity } = await lockSessionPlaces(tx, session);
  const registration = await lockRegistrationForSignups(tx, registrationId);
  return {
    session,
    capacity,
    registration,
    existing: await findSignup(tx, session.id, registrationId),
    overlap: await overlappingConfirmed(tx, registrationId, session),
    confirmed: await confirmedSignups(tx, session.id),
  };
}

/**
 * Writes a sign-up as the domain decided it: a new one, or a cancelled one (`rejoin`) back at
 * the end of the queue. Call with the locks of lockSignupFacts held.
 */
export async function writeSignup(
  tx: Executor,
  sessionId: string,
  registrationId: string,
  status: SignupStatus,
  rejoin: string | null,
): Promise<SessionSignup> {
  if (rejoin) {
    await tx
      .update(sessionSignups)
      .set({
        status,
        queuedSeq: sql`nextval(pg_get_serial_sequence('session_signups', 'queued_seq'))`,
        updatedAt: sql`now()`,
      })
      .where(eq(sessionSignups.id, rejoin));
  } else {
    // The moment the place was decided (under the lock), not when the transaction began: the
    // queue's order and its times then agree.
    await tx
      .insert(sessionSignups)
      .values({ sessionId, registrationId, status, createdAt: sql`clock_timestamp()` });
  }
  return (await findSignup(tx, sessionId, registrationId)) as SessionSignup;
}

/**
 * Takes the session's lock, then the attendee's, and answers their sign-up there (null: none)
 * with the session's places, for a leave (the domain's `leaveOutcome`).
 */
export async function lockForLeave(
  tx: Executor,
  session: SignupSession,
  registrationId: string,
): Promise<{ signup: SessionSignup | null; capacity: number | null }> {
  const { capacity } = await lockSessionPlaces(tx, session);
  await lockRegistrationForSignups(tx, registrationId);
  return { signup: await findSignup(tx, session.id, registrationId), capacity };
}

/** Sets a sign-up's status (leaving: cancelled; a promotion: registered); answers it. */
export async function setSignupStatus(
  tx: Executor,
  signup: Pick<SessionSignup, "id" | "sessionId" | "registrationId">,
  status: SignupStatus,
): Promise<SessionSignup> {
  await tx
    .update(sessionSignups)
    .set({ status, updatedAt: sql`now()` })
    .where(eq(sessionSignups.id, signup.id));
  return (await findSignup(tx, signup.sessionId, signup.registrationId)) as SessionSignup;
}

/** The people waiting for a place in the session, in arrival order. */
export async function waitingSignups(
  tx: Executor,
  sessionId: string,
): Promise<Pick<SessionSignup, "id" | "sessionId" | "registrationId">[]> {
  return tx
    .select({
      id: sessionSignups.id,
      sessionId: sessionSignups.sessionId,
      registrationId: sessionSignups.registrationId,
    })
    .from(sessionSignups)
    .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.status, "waitlisted")))
    .orderBy(asc(sessionSignups.queuedSeq));
}

/** The sessions the person holds or awaits a place in, in the order their locks are taken. */
export async function activeSignupSessionIds(
  tx: Executor,
  registrationId: string,
): Promise<string[]> {
  const rows = await tx
    .select({ sessionId: sessionSignups.sessionId })
    .from(sessionSignups)
    .where(
      and(
        eq(sessionSignups.registrationId, registrationId),
        inArray(sessionSignups.status, ["registered", "waitlisted"]),
      ),
    )
    .orderBy(asc(sessionSignups.sessionId));
  return rows.map((r) => r.sessionId);
}

/**
 * Stores the places an organiser set for a workshop or toolbox (null: back to its override or
 * rooms) on its quota row; the caller holds the quota lock (lockSessionPlaces).
 */
export async function setSessionCapacity(
  tx: Executor,
  sessionId: string,
  capacity: number | null,
): Promise<void> {
  await tx
    .update(registrationQuotas)
    .set({ capacity, updatedAt: sql`now()` })
    .where(eq(registrationQuotas.sessionId, sessionId));
}

/** The places an organiser set for the edition's sessions (quota rows with a capacity), by session id. */
export async function listSessionCapacities(
  db: Executor,
  editionId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ sessionId: registrationQuotas.sessionId, capacity: registrationQuotas.capacity })
    .from(registrationQuotas)
    .where(
      and(
        eq(registrationQuotas.editionId, editionId),
        isNotNull(registrationQuotas.sessionId),
        isNotNull(registrationQuotas.capacity),
      ),
    );
  return new Map(
    rows.flatMap((r) =>
      r.sessionId !== null && r.capacity !== null ? [[r.sessionId, r.capacity] as const] : [],
    ),
  );
}

/** Gives a session nobody signed up to yet its quota row with `capacity` places (a copy). */
export async function insertSessionCapacity(
  tx: Executor,
  editionId: string,
  sessionId: string,
  capacity: number,
): Promise<void> {
  await tx
    .insert(registrationQuotas)
    .values({ editionId, sessionId, capacity })
    .onConflictDoUpdate({
      target: registrationQuotas.sessionId,
      set: { capacity, updatedAt: sql`now()` },
    });
}

/** A session's sign-ups with the attendees' names: confirmed first, then the waitlist in order. */
export async function listSessionSignups(
  db: Executor,
  sessionId: string,
): Promise<SessionSignupEntry[]> {
  const rows = await db
    .select({
      ...getTableColumns(sessionSignups),
      waitlistPosition,
      code: registrations.code,
      firstName: registrations.firstName,
      lastName: registrations.lastName,
      email: registrations.email,
      subdivisionId: registrations.subdivisionId,
    })
    .from(sessionSignups)
    .innerJoin(registrations, eq(registrations.id, sessionSignups.registrationId))
    .where(eq(sessionSignups.sessionId, sessionId))
    .orderBy(
      sql`case ${sessionSignups.status} when 'registered' then 0 when 'waitlisted' then 1 else 2 end`,
      asc(sessionSignups.queuedSeq),
    );
  return rows.map((row) => ({
    ...toSignup(row),
    code: row.code,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    subdivisionId: row.subdivisionId,
  }));
}

/** One attendee's sign-ups (their confirmation page). */
export async function signupsOfRegistration(
  db: Executor,
  registrationId: string,
): Promise<SessionSignup[]> {
  const rows = await db
    .select({ ...getTableColumns(sessionSignups), waitlistPosition })
    .from(sessionSignups)
    .where(eq(sessionSignups.registrationId, registrationId))
    .orderBy(asc(sessionSignups.createdAt));
  return rows.map(toSignup);
}

/** Capacity, confirmed and waiting per capacity-limited session of the edition, by start. */
export async function sessionPlaces(
  db: Executor,
  editionId: string,
  { publishedOnly = false } = {},
): Promise<SessionPlaces[]> {
  const filters = [
    eq(sessions.editionId, editionId),
    inArray(sessions.kind, [...CAPACITY_LIMITED_KINDS]),
  ];
  if (publishedOnly) filters.push(eq(sessions.published, true));
  const list = await db
    .select({
      ...SIGNUP_SESSION_COLUMNS,
      quotaCapacity: sql<number | null>`(select q.capacity from registration_quotas q
        where q.session_id = "sessions"."id")`,
      confirmed: sql<number>`(select count(*)::int from session_signups s
        where s.session_id = "sessions"."id" and s.status = 'registered')`,
      waitlisted: sql<number>`(select count(*)::int from session_signups s
        where s.session_id = "sessions"."id" and s.status = 'waitlisted')`,
    })
    .from(sessions)
    .where(and(...filters))
    .orderBy(asc(sessions.startsAt), asc(sessions.title));
  if (list.length === 0) return [];
  const roomRows = await db
    .select({ sessionId: sessionRooms.sessionId, capacity: rooms.capacity })
    .from(sessionRooms)
    .innerJoin(rooms, eq(rooms.id, sessionRooms.roomId))
    .where(
      inArray(
        sessionRooms.sessionId,
        list.map((s) => s.id),
      ),
    );
  return list.map((s) => {
    const capacity =
      s.quotaCapacity ??
      sessionCapacity(
        s.capacityOverride,
        roomRows.filter((r) => r.sessionId === s.id).map((r) => r.capacity),
      );
    const confirmed = Number(s.confirmed);
    return {
      sessionId: s.id,
      title: s.title,
      kind: s.kind,
      startsAt: iso(s.startsAt),
      endsAt: iso(s.endsAt),
      capacity,
      confirmed,
      waitlisted: Number(s.waitlisted),
      placesLeft: capacity === null ? null : placesLeft(confirmed, capacity),
    };
  });
}

/** Sessions holding more confirmed sign-ups than places. Must always be empty. */
export async function signupViolations(db: Executor, editionId: string): Promise<SessionPlaces[]> {
  return (await sessionPlaces(db, editionId)).filter(
    (s) => s.capacity !== null && s.confirmed > s.capacity,
  );
}

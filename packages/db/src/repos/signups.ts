import {
  admissionStatus,
  CAPACITY_LIMITED_KINDS,
  DomainError,
  holdsPlace,
  notSignupSessionMessage,
  overlapMessage,
  placesLeft,
  REGISTRATION_STATUS_LABELS,
  type SessionPlaces,
  type SessionSignup,
  type SessionSignupEntry,
  type SignupStatus,
  sessionCapacity,
  unknownCapacityMessage,
} from "@tribune/domain";
import { and, asc, eq, getTableColumns, inArray, ne, sql } from "drizzle-orm";
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

async function findSignup(
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

interface SignupSession {
  id: string;
  editionId: string;
  kind: (typeof sessions.$inferSelect)["kind"];
  title: string;
  startsAt: string;
  endsAt: string;
  capacityOverride: number | null;
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

export interface SignupOptions {
  /** The public's sign-ups: a draft is refused exactly as a session that does not exist. */
  publishedOnly?: boolean;
}

/** The session, if it takes sign-ups; refuses the others with a French message. */
export async function signupSession(
  db: Executor,
  sessionId: string,
  { publishedOnly = false }: SignupOptions = {},
): Promise<SignupSession> {
  const [row] = await db
    .select({ ...SIGNUP_SESSION_COLUMNS, published: sessions.published })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  if (!row || (publishedOnly && !row.published))
    throw new DomainError("not_found", "Session introuvable.");
  const { published: _published, ...session } = row;
  if (!CAPACITY_LIMITED_KINDS.includes(session.kind))
    throw new DomainError("invalid", notSignupSessionMessage(session.title));
  return session;
}

/**
 * The session's number of places: the quota row's capacity when an organiser set one there,
 * else the session's override, else the smallest capacity of its rooms; null when unknown.
 */
async function effectiveCapacity(
  db: Executor,
  session: SignupSession,
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

/** Locks the attendee's registration row: one sign-up change per person at a time. */
async function lockRegistration(tx: Executor, registrationId: string) {
  const [row] = await tx
    .select({
      id: registrations.id,
      editionId: registrations.editionId,
      status: registrations.status,
    })
    .from(registrations)
    .where(eq(registrations.id, registrationId))
    .for("update");
  return row ?? null;
}

/** A session the person holds a confirmed place in, at the same time as `session`. */
async function overlappingConfirmed(
  tx: Executor,
  registrationId: string,
  session: SignupSession,
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

async function countConfirmed(tx: Executor, sessionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sessionSignups)
    .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.status, "registered")));
  return Number(row?.n ?? 0);
}

export interface SignupOutcome {
  session: SignupSession;
  signup: SessionSignup;
  alreadySignedUp: boolean;
}

/**
 * Signs a registered (or checked-in) attendee up for a workshop or toolbox, in the caller's
 * transaction: a place if one is free, the end of the waitlist otherwise. Holds the session's
 * quota row, then the attendee's registration row, so that places and overlaps are checked
 * one request at a time. Signing up again changes nothing; after leaving, one comes back at
 * the end of the queue. A person confirmed in an overlapping session is refused.
 */
export async function joinSession(
  tx: Executor,
  registrationId: string,
  sessionId: string,
  options: SignupOptions = {},
): Promise<SignupOutcome> {
  const session = await signupSession(tx, sessionId, options);
  const quota = await lockQuotaRow(tx, session.editionId, session.id);
  const capacity = await effectiveCapacity(tx, session, quota.capacity);
  if (capacity === null) throw new DomainError("invalid", unknownCapacityMessage(session.title));
  const registration = await lockRegistration(tx, registrationId);
  if (!registration || registration.editionId !== session.editionId)
    throw new DomainError("not_found", "Aucune inscription au congrès ne correspond à ce code.");
  if (!holdsPlace(registration.status))
    throw new DomainError(
      "invalid",
      `Votre inscription au congrès n'est pas confirmée (${REGISTRATION_STATUS_LABELS[
        registration.status
      ].toLowerCase()}) : l'inscription aux ateliers est réservée aux personnes ayant une place.`,
      { status: registration.status },
    );
  const existing = await findSignup(tx, sessionId, registrationId);
  if (existing && existing.status !== "cancelled")
    return { session, signup: existing, alreadySignedUp: true };
  const other = await overlappingConfirmed(tx, registrationId, session);
  if (other) throw new DomainError("invalid", overlapMessage(other), { reason: "overlap" });
  const status = admissionStatus(await countConfirmed(tx, sessionId), capacity) as SignupStatus;
  if (existing) {
    await tx
      .update(sessionSignups)
      .set({
        status,
        queuedSeq: sql`nextval(pg_get_serial_sequence('session_signups', 'queued_seq'))`,
        updatedAt: sql`now()`,
      })
      .where(eq(sessionSignups.id, existing.id));
  } else {
    // The moment the place was decided (under the lock), not when the transaction began: the
    // queue's order and its times then agree.
    await tx
      .insert(sessionSignups)
      .values({ sessionId, registrationId, status, createdAt: sql`clock_timestamp()` });
  }
  const signup = (await findSignup(tx, sessionId, registrationId)) as SessionSignup;
  return { session, signup, alreadySignedUp: false };
}

/**
 * Gives the session's free places to the first people waiting, in arrival order, skipping
 * anyone who meanwhile holds a place in an overlapping session or lost their congress place
 * (they keep their rank). Call with the session's quota lock held.
 */
async function promoteSignups(
  tx: Executor,
  session: SignupSession,
  capacity: number,
): Promise<SessionSignup[]> {
  let free = capacity - (await countConfirmed(tx, session.id));
  if (free <= 0) return [];
  const waiting = await tx
    .select({ id: sessionSignups.id, registrationId: sessionSignups.registrationId })
    .from(sessionSignups)
    .where(and(eq(sessionSignups.sessionId, session.id), eq(sessionSignups.status, "waitlisted")))
    .orderBy(asc(sessionSignups.queuedSeq));
  const promoted: string[] = [];
  for (const candidate of waiting) {
    if (free <= 0) break;
    const registration = await lockRegistration(tx, candidate.registrationId);
    if (!registration || !holdsPlace(registration.status)) continue;
    if (await overlappingConfirmed(tx, candidate.registrationId, session)) continue;
    await tx
      .update(sessionSignups)
      .set({ status: "registered", updatedAt: sql`now()` })
      .where(eq(sessionSignups.id, candidate.id));
    promoted.push(candidate.registrationId);
    free -= 1;
  }
  const out: SessionSignup[] = [];
  for (const registrationId of promoted)
    out.push((await findSignup(tx, session.id, registrationId)) as SessionSignup);
  return out;
}

/**
 * Takes the attendee off the session (leaving twice is harmless); a confirmed place goes to
 * the first person waiting.
 */
export async function leaveSession(
  tx: Executor,
  registrationId: string,
  sessionId: string,
  options: SignupOptions = {},
): Promise<{
  session: SignupSession;
  before: SessionSignup | null;
  signup: SessionSignup | null;
  promoted: SessionSignup[];
}> {
  const session = await signupSession(tx, sessionId, options);
  const quota = await lockQuotaRow(tx, session.editionId, session.id);
  await lockRegistration(tx, registrationId);
  const before = await findSignup(tx, sessionId, registrationId);
  if (!before || before.status === "cancelled")
    return { session, before, signup: before, promoted: [] };
  await tx
    .update(sessionSignups)
    .set({ status: "cancelled", updatedAt: sql`now()` })
    .where(eq(sessionSignups.id, before.id));
  const capacity = await effectiveCapacity(tx, session, quota.capacity);
  const promoted =
    before.status === "registered" && capacity !== null
      ? await promoteSignups(tx, session, capacity)
      : [];
  return { session, before, signup: await findSignup(tx, sessionId, registrationId), promoted };
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

export type LeaveOutcome = Awaited<ReturnType<typeof leaveSession>>;

/**
 * Frees every workshop place of a person whose congress registration is being cancelled, in
 * the cancellation's own transaction (cancelRegistration already holds the sessions' locks),
 * promoting the people waiting. Returns what changed, session by session.
 */
export async function releaseSignupsOf(
  tx: Executor,
  registrationId: string,
): Promise<LeaveOutcome[]> {
  const active = await tx
    .select({ sessionId: sessionSignups.sessionId })
    .from(sessionSignups)
    .where(
      and(
        eq(sessionSignups.registrationId, registrationId),
        inArray(sessionSignups.status, ["registered", "waitlisted"]),
      ),
    )
    .orderBy(asc(sessionSignups.sessionId));
  const outcomes: LeaveOutcome[] = [];
  for (const { sessionId } of active)
    outcomes.push(await leaveSession(tx, registrationId, sessionId));
  return outcomes;
}

/**
 * Sets the places of a workshop or toolbox (null: back to its override or rooms). Places
 * already given are kept when it shrinks; when it grows, the people waiting get the new
 * places, in order, in the same transaction.
 */
export async function setSessionCapacity(
  tx: Executor,
  sessionId: string,
  capacity: number | null,
): Promise<{ before: number | null; after: number | null; promoted: SessionSignup[] }> {
  const session = await signupSession(tx, sessionId);
  const quota = await lockQuotaRow(tx, session.editionId, session.id);
  const before = await effectiveCapacity(tx, session, quota.capacity);
  await tx
    .update(registrationQuotas)
    .set({ capacity, updatedAt: sql`now()` })
    .where(eq(registrationQuotas.sessionId, session.id));
  const after = await effectiveCapacity(tx, session, capacity);
  const promoted = after === null ? [] : await promoteSignups(tx, session, after);
  return { before, after, promoted };
}

/**
 * After a session changed (capacity override, rooms, kind): if it takes sign-ups and now has
 * free places, the people waiting get them, in the caller's transaction.
 */
export async function fillSessionPlaces(tx: Executor, sessionId: string): Promise<SessionSignup[]> {
  const [row] = await tx
    .select({ kind: sessions.kind })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  if (!row || !CAPACITY_LIMITED_KINDS.includes(row.kind)) return [];
  const session = await signupSession(tx, sessionId);
  const quota = await lockQuotaRow(tx, session.editionId, session.id);
  const capacity = await effectiveCapacity(tx, session, quota.capacity);
  return capacity === null ? [] : promoteSignups(tx, session, capacity);
}

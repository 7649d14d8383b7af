/**
 * What every sign-up change shares: the session as sign-ups see it (the domain decides whether
 * it takes them), leaving one (a place freed goes to the first person waiting) and the
 * promotions, each with its audit entries, in the caller's transaction.
 */
import type { Executor } from "@tribune/db";
import {
  confirmedSignups,
  findSignupSession,
  lockForLeave,
  lockRegistrationForSignups,
  overlappingConfirmed,
  type SignupSession,
  setSignupStatus,
  waitingSignups,
} from "@tribune/db/repos/signups";
import { enforce } from "@tribune/domain/kernel";
import {
  leaveOutcome,
  placesLeft,
  type SessionSignup,
  signupSessionOutcome,
  takesFreedPlace,
} from "@tribune/domain/union";
import { assertEditionWritable } from "../editions/writable";
import type { Effects } from "../kit";

export interface SignupScope {
  /** The public's sign-ups: a draft is refused exactly as a session that does not exist. */
  publishedOnly?: boolean;
}

/** The session, if it takes sign-ups (signupSessionOutcome); refused otherwise. */
export async function signupSessionOf(
  db: Executor,
  sessionId: string,
  scope: SignupScope = {},
): Promise<SignupSession> {
  const session = await findSignupSession(db, sessionId);
  enforce(signupSessionOutcome(session, scope));
  return session as SignupSession;
}

/** The session, if it takes sign-ups and its edition is not archived: for the changes. */
export async function writableSignupSessionOf(
  tx: Executor,
  sessionId: string,
  scope: SignupScope = {},
): Promise<SignupSession> {
  const session = await signupSessionOf(tx, sessionId, scope);
  await assertEditionWritable(tx, session.editionId);
  return session;
}

/** Audits the people moved from a waitlist to a place. */
export async function auditPromotions(
  effects: Pick<Effects, "audit">,
  promoted: readonly SessionSignup[],
): Promise<void> {
  for (const signup of promoted)
    await effects.audit({
      entity: "registration",
      entityId: signup.registrationId,
      action: "update",
      before: { sessionSignup: { ...signup, status: "waitlisted" } },
      after: { sessionSignup: signup },
    });
}

/**
 * Gives the session's free places to the first people waiting, in arrival order, each one only
 * if the domain says they may take it (takesFreedPlace: still a congress place, no confirmed
 * place at the same time elsewhere; the others keep their rank). Audited. Call with the
 * session's quota lock held.
 */
export async function giveFreedPlaces(
  tx: Executor,
  effects: Pick<Effects, "audit">,
  session: SignupSession,
  capacity: number,
): Promise<SessionSignup[]> {
  let free = placesLeft(await confirmedSignups(tx, session.id), capacity) ?? 0;
  if (free <= 0) return [];
  const promoted: SessionSignup[] = [];
  for (const candidate of await waitingSignups(tx, session.id)) {
    if (free <= 0) break;
    const registration = await lockRegistrationForSignups(tx, candidate.registrationId);
    const overlap = registration
      ? await overlappingConfirmed(tx, candidate.registrationId, session)
      : null;
    if (!takesFreedPlace({ registrationStatus: registration?.status ?? null, overlap })) continue;
    promoted.push(await setSignupStatus(tx, candidate, "registered"));
    free -= 1;
  }
  await auditPromotions(effects, promoted);
  return promoted;
}

export interface Leave {
  session: SignupSession;
  /** The sign-up before leaving; null when the person was not signed up. */
  before: SessionSignup | null;
  signup: SessionSignup | null;
  promoted: SessionSignup[];
}

/**
 * Takes the person off the session, audited, in the caller's transaction (leaveOutcome: a
 * stranger is refused, leaving twice is harmless); a confirmed place freed goes to the first
 * person waiting.
 */
export async function leaveIn(
  tx: Executor,
  effects: Pick<Effects, "audit">,
  session: SignupSession,
  registrationId: string,
): Promise<Leave> {
  const { signup: before, capacity } = await lockForLeave(tx, session, registrationId);
  const outcome = enforce(leaveOutcome(before));
  if (outcome.alreadyLeft) return { session, before, signup: before, promoted: [] };
  const signup = await setSignupStatus(tx, before as SessionSignup, "cancelled");
  await effects.audit({
    entity: "registration",
    entityId: registrationId,
    action: "cancel",
    before: { sessionSignup: before },
    after: { sessionSignup: signup },
  });
  const promoted =
    outcome.freesPlace && capacity !== null
      ? await giveFreedPlaces(tx, effects, session, capacity)
      : [];
  return { session, before, signup, promoted };
}

/**
 * The audit entries of session sign-ups, shared by the routers that change them: a person
 * leaving (signup, registration's cancellation), the people a freed place promotes (signup's
 * capacity, session's rooms). Each runs in the caller's transaction.
 */
import {
  type Actor as AuditActor,
  type Executor,
  fillSessionPlaces,
  type LeaveOutcome,
  recordAudit,
} from "@tribune/db";
import type { SessionSignup } from "@tribune/domain";

/** Audits a person leaving a session and the people it promoted, in the leave's transaction. */
export async function auditLeave(
  tx: Executor,
  actor: AuditActor,
  registrationId: string,
  outcome: LeaveOutcome,
): Promise<void> {
  if (!outcome.before || outcome.before.status === "cancelled") return;
  await recordAudit(tx, actor, {
    entity: "registration",
    entityId: registrationId,
    action: "cancel",
    before: { sessionSignup: outcome.before },
    after: { sessionSignup: outcome.signup },
  });
  await auditPromotions(tx, actor, outcome.promoted);
}

/** Audits the people moved from a waitlist to a place. */
export async function auditPromotions(
  tx: Executor,
  actor: AuditActor,
  promoted: SessionSignup[],
): Promise<void> {
  for (const signup of promoted)
    await recordAudit(tx, actor, {
      entity: "registration",
      entityId: signup.registrationId,
      action: "update",
      before: { sessionSignup: { ...signup, status: "waitlisted" } },
      after: { sessionSignup: signup },
    });
}

/**
 * After a session was changed in `tx` (capacity override, rooms): the people waiting get the
 * places it gained, audited, in the same transaction.
 */
export async function fillSessionPlacesAudited(
  tx: Executor,
  actor: AuditActor,
  sessionId: string,
): Promise<void> {
  await auditPromotions(tx, actor, await fillSessionPlaces(tx, sessionId));
}

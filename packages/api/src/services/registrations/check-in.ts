import {
  findRegistration,
  markArrived,
  recentCheckIns,
  searchForCheckIn,
} from "@tribune/db/repos/registrations";
import { enforce } from "@tribune/domain/kernel";
import {
  type CheckInResult,
  checkInMessage,
  checkInOutcome,
  type Registration,
} from "@tribune/domain/union";
import type { Actor } from "../../context";
import { assertEditionWritable } from "../editions/writable";
import { change, clockOf, type ServiceContext } from "../kit";

/**
 * Checks a person in at the desk, audited: once; a second time writes nothing and says when
 * the first one was (`checkInOutcome` refuses the waitlisted, the cancelled and the unknown).
 * The arrival itself is one statement, so two desks scanning the same person cannot both
 * check them in.
 */
export function checkIn(
  ctx: ServiceContext & { actor: Actor },
  target: { registrationId: string } | { editionId: string; code: string },
): Promise<CheckInResult> {
  const which = "code" in target ? target : { id: target.registrationId };
  return change(ctx, async (tx, effects) => {
    const editionId =
      "code" in target
        ? target.editionId
        : (await findRegistration(tx, target.registrationId))?.editionId;
    if (editionId) await assertEditionWritable(tx, editionId);
    let attempt = await markArrived(tx, which, ctx.actor.id);
    // Another desk checked them in while this statement ran: its read is of before; read again.
    if (attempt && !attempt.arrivedNow && attempt.registration.status === "registered") {
      const now = await findRegistration(tx, attempt.registration.id);
      attempt = now ? { registration: now, arrivedNow: false } : null;
    }
    const { alreadyCheckedIn } = enforce(checkInOutcome(attempt, "code" in target ? target : {}));
    const registration = attempt?.registration as Registration;
    if (!alreadyCheckedIn) {
      await effects.audit({
        entity: "registration",
        entityId: registration.id,
        action: "check_in",
        after: { status: "checked_in", checkedInAt: registration.checkedInAt },
      });
      effects.publish({
        type: "registrations.changed",
        editionId: registration.editionId,
        subdivisionIds: [registration.subdivisionId],
      });
    }
    return {
      registration,
      alreadyCheckedIn,
      message: checkInMessage(registration, alreadyCheckedIn, clockOf(ctx).now().toISOString()),
    };
  });
}

/** The desk's search, by name, email or code: people still expected first. */
export function searchDesk(
  ctx: ServiceContext,
  input: { editionId: string; query: string; limit: number },
): Promise<Registration[]> {
  return searchForCheckIn(ctx.db, input.editionId, input.query, input.limit);
}

/** The most recent arrivals, newest first. */
export function recentArrivals(
  ctx: ServiceContext,
  input: { editionId: string; limit: number },
): Promise<Registration[]> {
  return recentCheckIns(ctx.db, input.editionId, input.limit);
}

import { lockRegistration, unmarkArrived } from "@tribune/db/repos/attendees";
import { findRegistration } from "@tribune/db/repos/registrations";
import { enforce, refusalError } from "@tribune/domain/kernel";
import {
  checkInUndoOutcome,
  REGISTRATION_REFUSALS,
  type Registration,
} from "@tribune/domain/union";
import type { Actor } from "../../context";
import { assertEditionWritable } from "../editions/writable";
import { change, clockOf, type ServiceContext } from "../kit";

/**
 * Takes a check-in back (the wrong person tapped at the desk, a scan of someone else's code):
 * the person holds their place again, not arrived. Organisers may at any time, other desk roles
 * within the domain's window (checkInUndoOutcome). Audited, and the live counters follow.
 */
export function undoCheckIn(
  ctx: ServiceContext & { actor: Actor },
  registrationId: string,
): Promise<Registration> {
  return change(ctx, async (tx, effects) => {
    const current = await findRegistration(tx, registrationId);
    if (!current) throw refusalError(REGISTRATION_REFUSALS.notFound());
    await assertEditionWritable(tx, current.editionId);
    const before = (await lockRegistration(tx, registrationId)) as Registration;
    enforce(checkInUndoOutcome(ctx.actor, before, clockOf(ctx).now()));
    const after = await unmarkArrived(tx, registrationId);
    await effects.audit({
      entity: "registration",
      entityId: registrationId,
      action: "update",
      before: { status: before.status, checkedInAt: before.checkedInAt },
      after: { status: after.status, checkedInAt: null, undo: "check_in" },
    });
    effects.publish({
      type: "registrations.changed",
      editionId: after.editionId,
      subdivisionIds: [after.subdivisionId],
    });
    return after;
  });
}

import {
  lockRegistration,
  setRegistrationOptions,
  subdivisionName,
} from "@tribune/db/repos/attendees";
import { lockForCancellation } from "@tribune/db/repos/registrations";
import { enforce, refusalError } from "@tribune/domain/kernel";
import {
  type AttendeeSpace,
  type AttendeeUpdateInput,
  attendeeCancelOutcome,
  attendeeEditOutcome,
  REGISTRATION_REFUSALS,
} from "@tribune/domain/union";
import { assertEditionWritable } from "../editions/writable";
import { change, clockOf, type ServiceContext } from "../kit";
import { cancelIn, mailCancellation } from "../registrations/cancel";
import { attendeeOf, spaceOf } from "./space";

/**
 * The attendee changes their options (subdivision, year of training, meals, gala), audited,
 * while `attendeeEditOutcome` allows it: the registration's row is locked for the decision.
 */
export async function updateOwnOptions(
  ctx: ServiceContext,
  { token, ...options }: AttendeeUpdateInput,
): Promise<AttendeeSpace> {
  const attendee = await attendeeOf(ctx, token);
  const registration = await change(ctx, async (tx, effects) => {
    // The edition first, then the person: the order every registration change takes locks in.
    const edition = await assertEditionWritable(tx, attendee.registration.editionId);
    const before = await lockRegistration(tx, attendee.registration.id);
    if (!before) throw refusalError(REGISTRATION_REFUSALS.notFound());
    enforce(attendeeEditOutcome(before, edition, clockOf(ctx).now()));
    if (!(await subdivisionName(tx, options.subdivisionId)))
      throw refusalError(REGISTRATION_REFUSALS.unknownSubdivision());
    const after = await setRegistrationOptions(tx, before.id, options);
    await effects.audit({
      entity: "registration",
      entityId: before.id,
      action: "update",
      before,
      after,
    });
    effects.publish({
      type: "registrations.changed",
      editionId: after.editionId,
      subdivisionIds: [...new Set([before.subdivisionId, after.subdivisionId])],
    });
    return after;
  });
  return spaceOf(ctx, { ...attendee, registration });
}

/**
 * The attendee cancels (the page asked them to confirm): the registrations' own cancellation,
 * in one transaction, so the first person waiting gets the place and the workshops are freed.
 */
export async function cancelOwn(ctx: ServiceContext, token: string): Promise<AttendeeSpace> {
  const attendee = await attendeeOf(ctx, token);
  const { registration } = await change(ctx, async (tx, effects) => {
    // The places first, in the registrations' order (lockForCancellation), then the decision.
    const before = (await lockForCancellation(tx, attendee.registration.id))?.registration;
    if (!before) throw refusalError(REGISTRATION_REFUSALS.notFound());
    const edition = await assertEditionWritable(tx, before.editionId);
    enforce(attendeeCancelOutcome(before, edition, clockOf(ctx).now()));
    const done = await cancelIn(tx, effects, before.id);
    // The same messages as any cancellation: to them, and to whoever gets a place they freed.
    await mailCancellation(ctx, tx, effects, before.status, done);
    return done;
  });
  return spaceOf(ctx, { ...attendee, registration });
}

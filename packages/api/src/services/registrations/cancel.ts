import type { Executor } from "@tribune/db";
import {
  findRegistrationByCode,
  lockForCancellation,
  markCancelled,
} from "@tribune/db/repos/registrations";
import { enforce, refusalError } from "@tribune/domain/kernel";
import {
  cancellationOutcome,
  REGISTRATION_REFUSALS,
  type Registration,
  type RegistrationReceipt,
} from "@tribune/domain/union";
import { assertEditionWritable } from "../editions/writable";
import { change, type Effects, type ServiceContext } from "../kit";
import { mailRegistration, mailSignup } from "../mail/compose";
import type { Leave } from "../signups/places";
import { releaseSignupsOf } from "../signups/release";
import { giveFreedPlaces } from "./places";
import { receiptOf } from "./receipt";

interface Cancellation {
  registration: Registration;
  promoted: Registration[];
}

/**
 * Cancels, in the caller's transaction, with its audit entries: `cancellationOutcome` refuses
 * someone already checked in and makes a second cancellation harmless; a confirmed place goes
 * to the first person waiting; the person's workshop places are freed too (`released`, session
 * by session, and given on).
 */
export async function cancelIn(
  tx: Executor,
  effects: Effects,
  id: string,
): Promise<Cancellation & { released: Leave[] }> {
  const locked = await lockForCancellation(tx, id);
  if (!locked) throw refusalError(REGISTRATION_REFUSALS.notFound());
  const { registration: before, capacity } = locked;
  await assertEditionWritable(tx, before.editionId);
  const outcome = enforce(cancellationOutcome(before));
  if (outcome.alreadyCancelled) return { registration: before, promoted: [], released: [] };
  const registration = await markCancelled(tx, id);
  const promoted = outcome.freesPlace ? await giveFreedPlaces(tx, before.editionId, capacity) : [];
  await effects.audit({
    entity: "registration",
    entityId: id,
    action: "cancel",
    before,
    after: registration,
  });
  for (const person of promoted)
    await effects.audit({
      entity: "registration",
      entityId: person.id,
      action: "update",
      before: { ...person, status: "waitlisted" },
      after: person,
    });
  const released = await releaseSignupsOf(tx, effects, id);
  effects.publish({
    type: "registrations.changed",
    editionId: registration.editionId,
    subdivisionIds: [registration.subdivisionId, ...promoted.map((p) => p.subdivisionId)],
  });
  return { registration, promoted, released };
}

/**
 * The messages of a cancellation, in its transaction: to the person cancelled, to each person
 * it gave a congress place, and to each person it gave a workshop place.
 */
export async function mailCancellation(
  ctx: ServiceContext,
  tx: Executor,
  effects: Effects,
  before: Registration["status"],
  done: Cancellation & { released: Leave[] },
): Promise<void> {
  if (before === "cancelled") return;
  await mailRegistration(ctx, tx, effects, done.registration, "cancelled");
  for (const person of done.promoted) await mailRegistration(ctx, tx, effects, person, "promoted");
  for (const leave of done.released)
    for (const signup of leave.promoted)
      await mailSignup(ctx, tx, effects, signup, leave.session, "promoted");
}

/** Cancels with its messages (see mailCancellation), in the caller's transaction. */
async function cancelWithMail(ctx: ServiceContext, tx: Executor, effects: Effects, id: string) {
  const before = (await lockForCancellation(tx, id))?.registration.status ?? "cancelled";
  const done = await cancelIn(tx, effects, id);
  await mailCancellation(ctx, tx, effects, before, done);
  return done;
}

/** An organiser cancels a registration; answers it and the people it promoted. */
export async function cancelRegistration(ctx: ServiceContext, id: string): Promise<Cancellation> {
  const { registration, promoted } = await change(ctx, (tx, effects) =>
    cancelWithMail(ctx, tx, effects, id),
  );
  return { registration, promoted };
}

/** Public: cancels with the registration code; the first person waiting gets the place. */
export async function cancelByCode(
  ctx: ServiceContext,
  code: string,
): Promise<RegistrationReceipt> {
  const { registration } = await change(ctx, async (tx, effects) => {
    const registration = await findRegistrationByCode(tx, code);
    if (!registration) throw refusalError(REGISTRATION_REFUSALS.noSuchCode());
    return cancelWithMail(ctx, tx, effects, registration.id);
  });
  return receiptOf(registration);
}

import type { Executor } from "@tribune/db";
import { findEdition } from "@tribune/db/repos/editions";
import {
  admitRegistration,
  findRegistration,
  lockRegistrationFacts,
} from "@tribune/db/repos/registrations";
import { findSubdivision } from "@tribune/db/repos/subdivisions";
import { enforce, refusalError } from "@tribune/domain/kernel";
import {
  REGISTRATION_REFUSALS,
  type Registration,
  type RegistrationAcknowledgement,
  type RegistrationInput,
  registrationOutcome,
} from "@tribune/domain/union";
import type { z } from "zod";
import type { Actor } from "../../context";
import { found } from "../../found";
import { assertEditionWritable, assertRegistrationOpen } from "../editions/writable";
import { clockOf, idempotentChange, type ServiceContext } from "../kit";
import { mailRegistration } from "../mail/compose";

type RegistrationRequest = z.output<typeof RegistrationInput>;

/** The edition and subdivision must exist; a bad subdivision is the form's field error. */
async function checkTargets(db: Executor, editionId: string, subdivisionId: string) {
  found(await findEdition(db, editionId), "Édition");
  if (!(await findSubdivision(db, subdivisionId)))
    throw refusalError(REGISTRATION_REFUSALS.unknownSubdivision());
}

/**
 * Registers a person, once per idempotency key, audited, with the message that says so
 * (confirmation or waitlist) queued in the same transaction: under the edition's quota lock,
 * `registrationOutcome` gives a place while one is free, the end of the waitlist otherwise,
 * and refuses a second registration with the same email (a cancelled one comes back). On the
 * public form that refusal is not shown (see registerSelf): `already` is the registration the
 * address holds, and its owner gets a reminder with their code instead.
 */
async function register(
  ctx: ServiceContext,
  input: RegistrationRequest,
  createdBy: string | null,
): Promise<{ registration: Registration; already: boolean }> {
  const { idempotencyKey, ...fields } = input;
  await checkTargets(ctx.db, fields.editionId, fields.subdivisionId);
  const scope = createdBy ? "registration.create" : "registration.register";
  const { value } = await idempotentChange(
    ctx,
    scope,
    idempotencyKey,
    fields,
    async (tx, effects) => {
      // Organisers register by hand at any time until the edition is archived (the desk on the
      // day); the public only within the registration window.
      if (createdBy) await assertEditionWritable(tx, fields.editionId);
      else await assertRegistrationOpen(tx, fields.editionId, clockOf(ctx).now());
      const facts = await lockRegistrationFacts(tx, fields.editionId, fields.email);
      const decision = registrationOutcome(facts);
      if (!decision.ok && !createdBy && decision.refusal.reason === "already_registered") {
        const held = (await findRegistration(tx, facts.existing?.id ?? "")) as Registration;
        await mailRegistration(ctx, tx, effects, held, "already_registered");
        return { registration: held, already: true };
      }
      const admission = enforce(decision);
      const registration = await admitRegistration(
        tx,
        fields,
        {
          status: admission.status,
          waitlistPosition: admission.waitlistPosition,
          reactivate: admission.reactivate,
          memberId: facts.memberId,
        },
        { createdBy },
      );
      await effects.audit({
        entity: "registration",
        entityId: registration.id,
        action: admission.reactivate ? "update" : "create",
        after: registration,
      });
      effects.publish({
        type: "registrations.changed",
        editionId: fields.editionId,
        subdivisionIds: [fields.subdivisionId],
      });
      await mailRegistration(ctx, tx, effects, registration, "admitted");
      return { registration, already: false };
    },
  );
  return value;
}

/**
 * Public self-registration (no account): a place, or the waitlist when the edition is full.
 * The answer is the same for every address, registered before or not, and says only that a
 * message is on its way: the code, the status and the link to the attendee's space go to the
 * address itself (issue 15), so the form cannot tell anyone whether an address is registered.
 */
export async function registerSelf(
  ctx: ServiceContext,
  input: RegistrationRequest,
): Promise<RegistrationAcknowledgement> {
  await register(ctx, input, null);
  return { editionId: input.editionId, firstName: input.firstName, email: input.email };
}

/** An organiser registers someone by hand (same rules: capacity, one per email). */
export function registerByHand(
  ctx: ServiceContext & { actor: Actor },
  input: RegistrationRequest,
): Promise<Registration> {
  return register(ctx, input, ctx.actor.id).then((done) => done.registration);
}

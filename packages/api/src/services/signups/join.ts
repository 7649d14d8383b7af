import { findRegistration, findRegistrationByCode } from "@tribune/db/repos/registrations";
import { lockSignupFacts, writeSignup } from "@tribune/db/repos/signups";
import { enforce, refusalError } from "@tribune/domain/kernel";
import {
  SIGNUP_REFUSALS,
  type SignupByHandInput,
  type SignupJoinInput,
  type SignupReceipt,
  signupOutcome,
} from "@tribune/domain/union";
import type { z } from "zod";
import { found } from "../../found";
import { idempotentChange, type ServiceContext } from "../kit";
import { mailSignup } from "../mail/compose";
import { type SignupScope, writableSignupSessionOf } from "./places";

/**
 * Signs a person up for a workshop or toolbox, once per idempotency key, audited: a place if
 * one is free, the waitlist otherwise; whether they may is `signupOutcome`'s call, under the
 * session's lock, then the person's.
 */
async function join(
  ctx: ServiceContext,
  scope: string,
  registrationId: string,
  sessionId: string,
  idempotencyKey: string | undefined,
  signupScope: SignupScope = {},
): Promise<SignupReceipt> {
  const { value } = await idempotentChange(
    ctx,
    scope,
    idempotencyKey,
    { registrationId, sessionId },
    async (tx, effects) => {
      const session = await writableSignupSessionOf(tx, sessionId, signupScope);
      const outcome = enforce(signupOutcome(await lockSignupFacts(tx, session, registrationId)));
      const signup =
        outcome.already ??
        (await writeSignup(tx, session.id, registrationId, outcome.status, outcome.rejoin));
      if (!outcome.already) {
        await effects.audit({
          entity: "registration",
          entityId: registrationId,
          action: "update",
          after: { sessionSignup: signup },
        });
        const event = signup.status === "waitlisted" ? "waitlisted" : "confirmed";
        await mailSignup(ctx, tx, effects, signup, session, event);
      }
      return {
        sessionId: session.id,
        title: session.title,
        status: signup.status,
        waitlistPosition: signup.waitlistPosition,
        alreadySignedUp: outcome.already !== null,
      };
    },
  );
  return value;
}

/** Public: an attendee with a congress place signs up with their registration code. */
export async function joinByCode(
  ctx: ServiceContext,
  input: z.output<typeof SignupJoinInput>,
): Promise<SignupReceipt> {
  const registration = await findRegistrationByCode(ctx.db, input.code);
  if (!registration) throw refusalError(SIGNUP_REFUSALS.noSuchRegistration());
  return join(ctx, "signup.join", registration.id, input.sessionId, input.idempotencyKey, {
    publishedOnly: true,
  });
}

/** An organiser signs someone up by hand (same rules: capacity, overlaps, one per person). */
export async function addByHand(
  ctx: ServiceContext,
  input: z.output<typeof SignupByHandInput>,
): Promise<SignupReceipt> {
  found(await findRegistration(ctx.db, input.registrationId), "Inscription");
  return join(ctx, "signup.add", input.registrationId, input.sessionId, input.idempotencyKey);
}

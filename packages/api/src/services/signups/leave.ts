import type { Executor } from "@tribune/db";
import { findRegistrationByCode } from "@tribune/db/repos/registrations";
import { refusalError } from "@tribune/domain/kernel";
import {
  type SessionSignup,
  SIGNUP_REFUSALS,
  type SignupLeaveInput,
  type SignupReceipt,
  type SignupRemoveInput,
} from "@tribune/domain/union";
import type { z } from "zod";
import { change, type Effects, type ServiceContext } from "../kit";
import { mailSignup } from "../mail/compose";
import { type Leave, leaveIn, writableSignupSessionOf } from "./places";

/** The messages of a leave, in its transaction: to the person, and to whoever got the place. */
async function mailLeave(ctx: ServiceContext, tx: Executor, effects: Effects, left: Leave) {
  if (!left.before || left.before.status === "cancelled" || !left.signup) return left;
  await mailSignup(ctx, tx, effects, left.signup, left.session, "cancelled");
  for (const signup of left.promoted)
    await mailSignup(ctx, tx, effects, signup, left.session, "promoted");
  return left;
}

/** Public: leaves the session with the registration code; the first person waiting gets the place. */
export async function leaveByCode(
  ctx: ServiceContext,
  input: z.output<typeof SignupLeaveInput>,
): Promise<SignupReceipt> {
  const registration = await findRegistrationByCode(ctx.db, input.code);
  if (!registration) throw refusalError(SIGNUP_REFUSALS.noSuchRegistration());
  const left = await change(ctx, async (tx, effects) =>
    mailLeave(
      ctx,
      tx,
      effects,
      await leaveIn(
        tx,
        effects,
        await writableSignupSessionOf(tx, input.sessionId, { publishedOnly: true }),
        registration.id,
      ),
    ),
  );
  return {
    sessionId: left.session.id,
    title: left.session.title,
    status: "cancelled",
    waitlistPosition: null,
    alreadySignedUp: left.before?.status === "cancelled",
  };
}

/** An organiser takes someone off a session; the first person waiting gets the place. */
export async function removeByHand(
  ctx: ServiceContext,
  input: z.output<typeof SignupRemoveInput>,
): Promise<{ signup: SessionSignup | null; promoted: SessionSignup[] }> {
  const { signup, promoted } = await change(ctx, async (tx, effects) =>
    mailLeave(
      ctx,
      tx,
      effects,
      await leaveIn(
        tx,
        effects,
        await writableSignupSessionOf(tx, input.sessionId),
        input.registrationId,
      ),
    ),
  );
  return { signup, promoted };
}

import { findRegistrationByCode } from "@tribune/db";
import {
  refusalError,
  type SessionSignup,
  SIGNUP_REFUSALS,
  type SignupLeaveInput,
  type SignupReceipt,
  type SignupRemoveInput,
} from "@tribune/domain";
import type { z } from "zod";
import { change, type ServiceContext } from "../kit";
import { leaveIn, writableSignupSessionOf } from "./places";

/** Public: leaves the session with the registration code; the first person waiting gets the place. */
export async function leaveByCode(
  ctx: ServiceContext,
  input: z.output<typeof SignupLeaveInput>,
): Promise<SignupReceipt> {
  const registration = await findRegistrationByCode(ctx.db, input.code);
  if (!registration) throw refusalError(SIGNUP_REFUSALS.noSuchRegistration());
  const left = await change(ctx, async (tx, effects) =>
    leaveIn(
      tx,
      effects,
      await writableSignupSessionOf(tx, input.sessionId, { publishedOnly: true }),
      registration.id,
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
    leaveIn(tx, effects, await writableSignupSessionOf(tx, input.sessionId), input.registrationId),
  );
  return { signup, promoted };
}

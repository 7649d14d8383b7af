import type { Executor } from "@tribune/db";
import { findEdition } from "@tribune/db/repos/editions";
import { findRegistration } from "@tribune/db/repos/registrations";
import type { MailContent } from "@tribune/domain/mail";
import {
  type AttendeeLink,
  alreadyRegisteredMail,
  attendeeLinkExpiry,
  type MailEdition,
  type MailSession,
  type Registration,
  registrationCancelledMail,
  registrationMail,
  registrationPromotedMail,
  type SignupMailEvent,
  signupMail,
} from "@tribune/domain/union";
import { found } from "../../found";
import { clockOf, type Effects, type ServiceContext } from "../kit";
import { attendeeLink } from "../registrations/attendee-link";

/**
 * The messages to attendees, queued in the transaction of the change that causes them: the
 * domain decides what they say (union/registration-mail.ts), `effects.mail` writes that to the
 * outbox, and the server's worker has the mail package render it once the change committed.
 */

/** Where links point when the server was given no public address (TRIBUNE_PUBLIC_URL). */
export const DEFAULT_PUBLIC_URL = "http://localhost:3000";

async function editionOf(tx: Executor, editionId: string): Promise<MailEdition> {
  const e = found(await findEdition(tx, editionId), "Édition");
  return {
    id: e.id,
    number: e.number,
    year: e.year,
    city: e.city,
    venue: e.venue,
    firstDay: e.firstDay,
    lastDay: e.lastDay,
    timeZone: e.timeZone,
  };
}

async function queue(
  ctx: ServiceContext,
  tx: Executor,
  effects: Pick<Effects, "mail">,
  registration: Pick<Registration, "id" | "editionId">,
  decide: (edition: MailEdition, link: AttendeeLink) => MailContent,
): Promise<void> {
  const edition = await editionOf(tx, registration.editionId);
  const link = await attendeeLink(
    tx,
    ctx.publicUrl ?? DEFAULT_PUBLIC_URL,
    registration.id,
    attendeeLinkExpiry(edition, clockOf(ctx).now()),
  );
  await effects.mail(decide(edition, link));
}

export type RegistrationMailEvent = "admitted" | "promoted" | "cancelled" | "already_registered";

/** The message of a registration's change: confirmation or waitlist, promotion, cancellation. */
export function mailRegistration(
  ctx: ServiceContext,
  tx: Executor,
  effects: Pick<Effects, "mail">,
  registration: Registration,
  event: RegistrationMailEvent,
): Promise<void> {
  return queue(ctx, tx, effects, registration, (edition, link) => {
    if (event === "promoted") return registrationPromotedMail(edition, registration, link);
    if (event === "cancelled") return registrationCancelledMail(edition, registration, link);
    if (event === "already_registered")
      return alreadyRegisteredMail(
        edition,
        registration,
        link,
        clockOf(ctx).now().toISOString().slice(0, 13),
      );
    return registrationMail(edition, registration, link);
  });
}

/** The message of a workshop sign-up's change, to the person it concerns. */
export async function mailSignup(
  ctx: ServiceContext,
  tx: Executor,
  effects: Pick<Effects, "mail">,
  signup: { registrationId: string; status: string; waitlistPosition: number | null },
  session: MailSession,
  event: SignupMailEvent,
): Promise<void> {
  const registration = await findRegistration(tx, signup.registrationId);
  if (!registration) return;
  const at = clockOf(ctx).now().toISOString();
  await queue(ctx, tx, effects, registration, (edition, link) =>
    signupMail(edition, registration, session, event, signup.waitlistPosition, at, link),
  );
}

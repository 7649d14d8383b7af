/**
 * The attendee's space (`/public/mon-inscription`): who the caller is, from the signed token of
 * the link in every message or the one `openSpace` hands out for a code and its address, and
 * what the page shows them. The rules of what may change are the domain's (union/attendee).
 */
import { subdivisionName } from "@tribune/db/repos/attendees";
import { findEdition } from "@tribune/db/repos/editions";
import { findRegistration, findRegistrationByCode } from "@tribune/db/repos/registrations";
import type { EditionWithBudget } from "@tribune/domain/congress";
import { refusalError } from "@tribune/domain/kernel";
import {
  ATTENDEE_REFUSALS,
  ATTENDEE_SESSION_HOURS,
  type AttendeeSpace,
  attendeeLinkExpiry,
  attendeeRights,
  type Registration,
} from "@tribune/domain/union";
import { clockOf, type ServiceContext } from "../kit";
import {
  attendeeLinkSecret,
  signAttendeeToken,
  verifyAttendeeLink,
} from "../registrations/attendee-link";

export interface Attendee {
  registration: Registration;
  edition: EditionWithBudget;
  token: string;
}

/** The registration a token opens; a forged, expired or orphaned one is refused alike. */
export async function attendeeOf(ctx: ServiceContext, token: string): Promise<Attendee> {
  const verified = await verifyAttendeeLink(ctx.db, token, clockOf(ctx).now());
  const registration = verified && (await findRegistration(ctx.db, verified.registrationId));
  const edition = registration && (await findEdition(ctx.db, registration.editionId));
  if (!registration || !edition) throw refusalError(ATTENDEE_REFUSALS.badLink());
  return { registration, edition, token };
}

/** What the page shows: the registration, its edition and what may still be done. */
export async function spaceOf(
  ctx: ServiceContext,
  { registration, edition, token }: Attendee,
): Promise<AttendeeSpace> {
  const now = clockOf(ctx).now();
  const rights = attendeeRights(registration, edition, now);
  // A calendar app keeps the feed's address for weeks: it gets the messages' expiry, not the visit's.
  const calendarToken = signAttendeeToken(
    await attendeeLinkSecret(ctx.db),
    registration.id,
    attendeeLinkExpiry(edition, now),
  );
  return {
    token,
    calendarToken,
    registration: {
      code: registration.code,
      firstName: registration.firstName,
      lastName: registration.lastName,
      email: registration.email,
      status: registration.status,
      waitlistPosition: registration.waitlistPosition,
      subdivisionId: registration.subdivisionId,
      subdivisionName: (await subdivisionName(ctx.db, registration.subdivisionId)) ?? "",
      yearOfTraining:
        registration.yearOfTraining as AttendeeSpace["registration"]["yearOfTraining"],
      meals: registration.meals,
      gala: registration.gala,
      registeredAt: registration.registeredAt,
      checkedInAt: registration.checkedInAt,
    },
    edition: {
      year: edition.year,
      number: edition.number,
      theme: edition.theme,
      city: edition.city,
      venue: edition.venue,
      firstDay: edition.firstDay,
      lastDay: edition.lastDay,
    },
    ...rights,
  };
}

/** The space from the link's token. */
export async function openByToken(ctx: ServiceContext, token: string): Promise<AttendeeSpace> {
  return spaceOf(ctx, await attendeeOf(ctx, token));
}

/**
 * The space without the link: the code and the address registered with it. A wrong code, a
 * wrong address or both get the same answer (the router counts attempts per client address).
 * The token handed out opens the space for the visit (ATTENDEE_SESSION_HOURS), not for weeks.
 */
export async function openByCode(
  ctx: ServiceContext,
  { code, email }: { code: string; email: string },
): Promise<AttendeeSpace> {
  const registration = await findRegistrationByCode(ctx.db, code);
  if (!registration || registration.email !== email.toLowerCase())
    throw refusalError(ATTENDEE_REFUSALS.noMatch());
  const expiresAt = new Date(clockOf(ctx).now().getTime() + ATTENDEE_SESSION_HOURS * 3_600_000);
  const token = signAttendeeToken(await attendeeLinkSecret(ctx.db), registration.id, expiresAt);
  return openByToken(ctx, token);
}

import { z } from "zod";
import { Email } from "../auth/account";
import type { Role } from "../auth/roles";
import { isReadOnly } from "../congress/editionLifecycle";
import { text } from "../kernel/input";
import type { Decision, Refusal } from "../kernel/refusal";
import { daysBetween, localDay, PARIS } from "../kernel/time";
import { YearOfTraining } from "./member";
import {
  cancellationOutcome,
  holdsPlace,
  type Registration,
  RegistrationCode,
  RegistrationStatus,
} from "./registration";

/**
 * The attendee's space (`/public/mon-inscription`, issue 15): what a person may see and change
 * of their own registration, reached with the signed link of every message or with their code
 * and e-mail. The rules here say what may change and until when; the services enforce them.
 */

/** The signed token of the link (`?jeton=`), or the one `attendee.open` hands out. */
export const AttendeeToken = z.string().trim().min(1).max(200);
export const AttendeeTokenInput = z.object({ token: AttendeeToken });

/** Opening the space without the link: the code and the address it was registered with. */
export const AttendeeOpenInput = z.object({ code: RegistrationCode, email: Email });

/** What an attendee may change of their registration (never their name, e-mail or code). */
export const AttendeeUpdateInput = z.object({
  token: AttendeeToken,
  subdivisionId: z.uuid({ error: "Choisissez votre subdivision." }),
  yearOfTraining: YearOfTraining.nullable(),
  meals: z.boolean(),
  gala: z.boolean(),
});
export type AttendeeUpdateInput = z.infer<typeof AttendeeUpdateInput>;

/** Cancelling from the space asks for a confirmation, sent along (`confirm: true`). */
export const AttendeeCancelInput = z.object({
  token: AttendeeToken,
  confirm: z.literal(true, { error: "Confirmez l'annulation de votre inscription." }),
});

/** How long the token `attendee.open` hands out keeps the space open (the visit, not weeks). */
export const ATTENDEE_SESSION_HOURS = 12;

export const AttendeeSpace = z.object({
  /** The token to send with every call (the link's, or a fresh one after code + e-mail). */
  token: z.string(),
  /** A token for the attendee's calendar feed, valid as long as the links in messages. */
  calendarToken: z.string(),
  registration: z.object({
    code: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    status: RegistrationStatus,
    waitlistPosition: z.int().positive().nullable(),
    subdivisionId: z.uuid(),
    subdivisionName: z.string(),
    yearOfTraining: YearOfTraining.nullable(),
    meals: z.boolean(),
    gala: z.boolean(),
    registeredAt: z.string(),
    checkedInAt: z.string().nullable(),
  }),
  edition: z.object({
    year: z.int(),
    number: z.int(),
    theme: z.string(),
    city: z.string(),
    venue: z.string(),
    firstDay: z.string(),
    lastDay: z.string(),
  }),
  /** What the page offers; `notice` says why something is no longer offered. */
  may: z.object({
    edit: z.boolean(),
    cancel: z.boolean(),
    signUp: z.boolean(),
    badge: z.boolean(),
    certificate: z.boolean(),
  }),
  notice: z.string().nullable(),
});
export type AttendeeSpace = z.infer<typeof AttendeeSpace>;

export const ATTENDEE_REFUSALS = {
  /** The same answer for a wrong code, a wrong address, or both: nothing to learn from it. */
  noMatch: (): Refusal => ({
    reason: "attendee_no_match",
    code: "not_found",
    message:
      "Aucune inscription ne correspond à ce code et à cette adresse. Vérifiez-les dans le message reçu à l'inscription.",
  }),
  /** A link altered, expired, or of a registration that no longer exists. */
  badLink: (): Refusal => ({
    reason: "attendee_link_invalid",
    code: "unauthenticated",
    message:
      "Ce lien n'est plus valable. Ouvrez votre espace avec votre code d'inscription et votre adresse e-mail.",
  }),
  cancelled: (): Refusal => ({
    reason: "attendee_cancelled",
    code: "invalid",
    message:
      "Votre inscription est annulée : elle ne peut plus être modifiée. Inscrivez-vous à nouveau depuis la page d'inscription.",
  }),
  checkedIn: (): Refusal => ({
    reason: "attendee_checked_in",
    code: "invalid",
    message:
      "Votre arrivée au congrès est enregistrée : votre inscription ne peut plus être modifiée ici. Adressez-vous à l'accueil.",
  }),
  archived: (): Refusal => ({
    reason: "attendee_edition_archived",
    code: "locked",
    message: "Cette édition du congrès est archivée : plus rien ne peut y être modifié.",
  }),
  noBadge: (): Refusal => ({
    reason: "attendee_no_badge",
    code: "invalid",
    message: "Le badge n'est disponible qu'avec une place confirmée au congrès.",
  }),
  noCertificate: (): Refusal => ({
    reason: "attendee_no_certificate",
    code: "invalid",
    message:
      "L'attestation de présence est disponible une fois votre arrivée enregistrée à l'accueil du congrès.",
  }),
} as const;

type Person = Pick<Registration, "status">;
type EditionDates = { archivedAt: string | null };

const refused = (refusal: Refusal) => ({ ok: false as const, refusal });

/**
 * Whether the attendee may still change their options (meals, gala, year, subdivision) or
 * cancel: until they arrive (from then on the desk and the caterers count on what was
 * registered: they ask the desk) and until the edition is archived; not once cancelled.
 * `now` is taken for the rules to come (a cut-off before the congress): none depends on it yet.
 */
export function attendeeEditOutcome(
  person: Person,
  edition: EditionDates,
  _now: Date | string,
): Decision {
  if (isReadOnly(edition)) return refused(ATTENDEE_REFUSALS.archived());
  if (person.status === "cancelled") return refused(ATTENDEE_REFUSALS.cancelled());
  if (person.status === "checked_in") return refused(ATTENDEE_REFUSALS.checkedIn());
  return { ok: true };
}

/** Cancelling from the space: the edit rule, then the registrations' own (cancellationOutcome). */
export function attendeeCancelOutcome(
  person: Person,
  edition: EditionDates,
  now: Date | string,
): Decision {
  const edit = attendeeEditOutcome(person, edition, now);
  if (!edit.ok) return edit;
  const cancel = cancellationOutcome(person);
  return cancel.ok ? { ok: true } : cancel;
}

/** The badge: for whoever holds a place (registered or arrived). */
export function badgeOutcome(person: Person): Decision {
  return holdsPlace(person.status) ? { ok: true } : refused(ATTENDEE_REFUSALS.noBadge());
}

/** The attendance certificate: once the desk recorded the arrival. */
export function certificateOutcome(person: Person): Decision {
  return person.status === "checked_in" ? { ok: true } : refused(ATTENDEE_REFUSALS.noCertificate());
}

/** What the space offers, and the one sentence saying why editing is closed, if it is. */
export function attendeeRights(
  person: Person,
  edition: EditionDates,
  now: Date | string,
): { may: AttendeeSpace["may"]; notice: string | null } {
  const edit = attendeeEditOutcome(person, edition, now);
  const cancel = attendeeCancelOutcome(person, edition, now);
  return {
    may: {
      edit: edit.ok,
      cancel: cancel.ok,
      // Workshops: whoever holds a place, until the edition is archived; the sign-up rules
      // (capacity, waitlist, overlaps, published sessions) are the sign-ups' own.
      signUp: holdsPlace(person.status) && !isReadOnly(edition),
      badge: badgeOutcome(person).ok,
      certificate: certificateOutcome(person).ok,
    },
    notice: edit.ok ? null : edit.refusal.message,
  };
}

// --- Attendance --------------------------------------------------------------------------------

/**
 * The days a checked-in person attended, as the certificate states them: from the day the desk
 * recorded their arrival to the congress's last day (one check-in per congress: someone who
 * arrives on the second day attended from the second day). Empty if they never arrived.
 */
export function daysAttended(
  checkedInAt: string | null,
  edition: { firstDay: string; lastDay: string; timeZone?: string },
): string[] {
  if (!checkedInAt) return [];
  const arrival = localDay(checkedInAt, edition.timeZone ?? PARIS);
  // ISO days sort as text: the later of the arrival and the first day.
  const from = [arrival, edition.firstDay].sort()[1] as string;
  if (from > edition.lastDay) return [edition.lastDay];
  return daysBetween(from, edition.lastDay);
}

// --- Undoing a check-in at the desk --------------------------------------------------------------

/** How long after a check-in the desk may take it back (a wrong person tapped, a wrong scan). */
export const CHECK_IN_UNDO_WINDOW_MINUTES = 10;
/** Who may take a check-in back at any time (an arrival recorded by mistake, found later). */
export const CHECK_IN_UNDO_ANY_TIME: readonly Role[] = ["admin", "organiser"];

export const CHECK_IN_UNDO_REFUSALS = {
  notCheckedIn: (name: string): Refusal => ({
    reason: "check_in_not_recorded",
    code: "invalid",
    message: `${name} n'est pas enregistré·e comme arrivé·e : rien à annuler.`,
  }),
  tooLate: (name: string): Refusal => ({
    reason: "check_in_undo_too_late",
    code: "forbidden",
    message: `L'arrivée de ${name} a été enregistrée il y a plus de ${CHECK_IN_UNDO_WINDOW_MINUTES} minutes : seule l'organisation peut encore l'annuler.`,
  }),
} as const;

/** Whether the desk still offers « Annuler l'arrivée » for a check-in made at `checkedInAt`. */
export function withinUndoWindow(checkedInAt: string | null, now: Date | string): boolean {
  if (!checkedInAt) return false;
  const elapsed = new Date(now).getTime() - new Date(checkedInAt).getTime();
  return elapsed >= 0 && elapsed <= CHECK_IN_UNDO_WINDOW_MINUTES * 60_000;
}

/**
 * Taking a check-in back: organisers (CHECK_IN_UNDO_ANY_TIME) at any time; anyone else at the
 * desk only within CHECK_IN_UNDO_WINDOW_MINUTES. The person gets their place back, not arrived.
 */
export function checkInUndoOutcome(
  actor: { role: Role },
  registration: Pick<Registration, "firstName" | "lastName" | "status" | "checkedInAt">,
  now: Date | string,
): Decision {
  const name = `${registration.firstName} ${registration.lastName}`;
  if (registration.status !== "checked_in")
    return refused(CHECK_IN_UNDO_REFUSALS.notCheckedIn(name));
  if (CHECK_IN_UNDO_ANY_TIME.includes(actor.role)) return { ok: true };
  return withinUndoWindow(registration.checkedInAt, now)
    ? { ok: true }
    : refused(CHECK_IN_UNDO_REFUSALS.tooLate(name));
}

export const CheckInUndoInput = z.object({ registrationId: z.uuid() });

// --- Organisers correct a registration ------------------------------------------------------------

/** An organiser corrects a registration (a typo in the address, meals): same code, same place. */
export const RegistrationUpdateInput = z.object({
  id: z.uuid(),
  firstName: text({ max: 100 }).min(1, "Indiquez le prénom."),
  lastName: text({ max: 100 }).min(1, "Indiquez le nom."),
  email: Email,
  subdivisionId: z.uuid({ error: "Choisissez une subdivision." }),
  yearOfTraining: YearOfTraining.nullable(),
  meals: z.boolean(),
  gala: z.boolean(),
});
export type RegistrationUpdateInput = z.infer<typeof RegistrationUpdateInput>;

export const REGISTRATION_UPDATE_REFUSALS = {
  emailTaken: (email: string): Refusal => ({
    reason: "registration_email_taken",
    code: "already_exists",
    message: `Une autre inscription à cette édition utilise déjà l'adresse ${email}.`,
    fieldErrors: { email: ["Adresse déjà utilisée par une autre inscription."] },
  }),
} as const;

/** The day a registration was made, for "registered since" filters (the edition's zone). */
export const registeredDay = (registeredAt: string, timeZone = PARIS) =>
  localDay(registeredAt, timeZone);

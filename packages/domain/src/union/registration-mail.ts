import { formatCongressSlot, formatEditionDates } from "../format/dates";
import type { CongressCalendar, MailContent } from "../mail/content";
import type { Registration } from "./registration";

/**
 * What the messages to attendees say (issue 15): the domain decides the words, the mail
 * package lays them out (HTML and plain text). Every message names the union and the edition.
 */

export const UNION_NAME = "ISNAR-IMG";
export const UNION_FULL_NAME =
  "Intersyndicale Nationale Autonome Représentative des Internes de Médecine Générale";

/** What a message needs of the edition. */
export interface MailEdition {
  id: string;
  number: number;
  year: number;
  city: string;
  venue: string;
  firstDay: string;
  lastDay: string;
  timeZone: string;
}

type Person = Pick<
  Registration,
  | "id"
  | "email"
  | "firstName"
  | "code"
  | "status"
  | "waitlistPosition"
  | "registeredAt"
  | "confirmedAt"
  | "cancelledAt"
>;

/** The attendee's space: its link in every message, signed and expiring (see attendeeLinkExpiry). */
export interface AttendeeLink {
  url: string;
}

const congressName = (e: MailEdition) => `${e.number}e congrès de l'${UNION_NAME}`;
const congressWhen = (e: MailEdition) =>
  `${formatEditionDates(e.firstDay, e.lastDay)}, ${e.venue}, ${e.city}`;

const calendarOf = (e: MailEdition): CongressCalendar => ({
  uid: `congres-${e.year}@tribune`,
  summary: `${e.number}e Congrès national des internes de médecine générale (${UNION_NAME})`,
  location: `${e.venue}, ${e.city}`,
  firstDay: e.firstDay,
  lastDay: e.lastDay,
  timeZone: e.timeZone,
});

function frame(
  e: MailEdition,
  person: Pick<Person, "email" | "firstName">,
  link: AttendeeLink | null,
) {
  return {
    to: person.email,
    greeting: `Bonjour ${person.firstName},`,
    action: link ? { label: "Mon inscription", url: link.url } : null,
    signOff: `L'équipe d'organisation du ${congressName(e)}`,
    footer: `Vous recevez ce message parce que votre adresse a servi à une inscription au ${congressName(e)} (${e.year}). ${UNION_NAME} — ${UNION_FULL_NAME}.`,
  };
}

const linkSentence =
  "Votre espace « Mon inscription » (lien ci-dessous, personnel) vous permet de retrouver votre statut, de vous inscrire aux ateliers et d'annuler.";

/** After a registration: a place (code, QR, calendar) or a place on the waitlist. */
export function registrationMail(
  edition: MailEdition,
  person: Person,
  link: AttendeeLink | null,
): MailContent {
  const base = frame(edition, person, link);
  if (person.status === "waitlisted")
    return {
      ...base,
      kind: "registration_waitlisted",
      key: `registration-waitlisted:${person.id}:${person.registeredAt}`,
      subject: `${congressName(edition)} : vous êtes en liste d'attente (position ${person.waitlistPosition})`,
      preview: `Position ${person.waitlistPosition} sur la liste d'attente.`,
      heading: "Vous êtes en liste d'attente",
      paragraphs: [
        `Merci pour votre inscription au ${congressName(edition)}, ${congressWhen(edition)}.`,
        `Le congrès est complet : vous êtes en position ${person.waitlistPosition} sur la liste d'attente. Dès qu'une place se libère, elle vous est attribuée automatiquement et vous recevez un message.`,
        "Votre code d'inscription, à garder :",
      ],
      code: person.code,
      calendar: null,
    };
  return {
    ...base,
    kind: "registration_confirmed",
    key: `registration-confirmed:${person.id}:${person.confirmedAt ?? person.registeredAt}`,
    subject: `${congressName(edition)} : votre inscription est confirmée`,
    preview: `Votre code d'inscription : ${person.code}`,
    heading: "Votre inscription est confirmée",
    paragraphs: [
      `Votre place au ${congressName(edition)} est réservée : ${congressWhen(edition)}.`,
      "Présentez ce code (ou son QR code) à l'accueil du congrès :",
      linkSentence,
      "Les dates du congrès sont jointes pour votre agenda (fichier .ics).",
    ],
    code: person.code,
    calendar: calendarOf(edition),
  };
}

/** A place freed up and went to someone waiting. */
export function registrationPromotedMail(
  edition: MailEdition,
  person: Person,
  link: AttendeeLink | null,
): MailContent {
  return {
    ...frame(edition, person, link),
    kind: "registration_promoted",
    key: `registration-promoted:${person.id}:${person.confirmedAt ?? person.registeredAt}`,
    subject: `${congressName(edition)} : une place s'est libérée, votre inscription est confirmée`,
    preview: `Vous quittez la liste d'attente. Votre code : ${person.code}`,
    heading: "Une place s'est libérée pour vous",
    paragraphs: [
      `Vous étiez en liste d'attente pour le ${congressName(edition)} : une place s'est libérée et vous a été attribuée. Votre inscription est confirmée, ${congressWhen(edition)}.`,
      "Présentez ce code (ou son QR code) à l'accueil du congrès :",
      `Vous ne pouvez plus venir ? Annulez depuis votre espace : la place ira à la personne suivante. ${linkSentence}`,
    ],
    code: person.code,
    calendar: calendarOf(edition),
  };
}

/** The registration was cancelled (by the person or by the organisers). */
export function registrationCancelledMail(
  edition: MailEdition,
  person: Person,
  link: AttendeeLink | null,
): MailContent {
  return {
    ...frame(edition, person, link),
    kind: "registration_cancelled",
    key: `registration-cancelled:${person.id}:${person.cancelledAt}`,
    subject: `${congressName(edition)} : votre inscription est annulée`,
    preview: "Votre inscription est annulée.",
    heading: "Votre inscription est annulée",
    paragraphs: [
      `Votre inscription au ${congressName(edition)} (${congressWhen(edition)}) est annulée, ainsi que vos inscriptions aux ateliers.`,
      "S'il s'agit d'une erreur, vous pouvez vous inscrire à nouveau depuis la page d'inscription tant qu'elle est ouverte, avec la même adresse.",
    ],
    code: null,
    action: null,
    calendar: null,
  };
}

/**
 * Someone registered again with an address already registered: the public answer says nothing
 * about it (the same for every address); the owner of the address gets their code again. One
 * such reminder per registration and hour (`hour`: "2027-01-10T08"), however many attempts.
 */
export function alreadyRegisteredMail(
  edition: MailEdition,
  person: Person,
  link: AttendeeLink | null,
  hour: string,
): MailContent {
  const status =
    person.status === "waitlisted"
      ? `Vous êtes en liste d'attente (position ${person.waitlistPosition}).`
      : person.status === "checked_in"
        ? "Votre arrivée au congrès est déjà enregistrée."
        : "Votre place est confirmée.";
  return {
    ...frame(edition, person, link),
    kind: "registration_reminder",
    key: `registration-reminder:${person.id}:${hour}`,
    subject: `${congressName(edition)} : vous êtes déjà inscrit·e`,
    preview: `Votre code d'inscription : ${person.code}`,
    heading: "Vous êtes déjà inscrit·e",
    paragraphs: [
      `Une nouvelle inscription au ${congressName(edition)} vient d'être demandée avec votre adresse. Elle existe déjà : rien n'a changé. ${status}`,
      "Voici votre code d'inscription :",
      `Si vous n'êtes pas à l'origine de cette demande, ignorez ce message. ${linkSentence}`,
    ],
    code: person.code,
    calendar: null,
  };
}

/** What a workshop message needs of the session. */
export interface MailSession {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
}

export type SignupMailEvent = "confirmed" | "waitlisted" | "promoted" | "cancelled";

/**
 * A workshop or toolbox sign-up changed: a place, the waitlist (with the position), a place
 * given from the waitlist, or the sign-up cancelled. `at` is the instant of the change (the key).
 */
export function signupMail(
  edition: MailEdition,
  person: Pick<Person, "id" | "email" | "firstName">,
  session: MailSession,
  event: SignupMailEvent,
  waitlistPosition: number | null,
  at: string,
  link: AttendeeLink | null,
): MailContent {
  const when = formatCongressSlot(session.startsAt, session.endsAt, edition.timeZone);
  const what = `« ${session.title} » (${when})`;
  const words: Record<SignupMailEvent, { subject: string; heading: string; body: string }> = {
    confirmed: {
      subject: `atelier « ${session.title} » : votre place est réservée`,
      heading: "Votre place à l'atelier est réservée",
      body: `Vous êtes inscrit·e à ${what}.`,
    },
    waitlisted: {
      subject: `atelier « ${session.title} » : liste d'attente (position ${waitlistPosition})`,
      heading: "Vous êtes en liste d'attente pour l'atelier",
      body: `L'atelier ${what} est complet : vous êtes en position ${waitlistPosition} sur la liste d'attente. Si une place se libère, elle vous est attribuée automatiquement et vous recevez un message.`,
    },
    promoted: {
      subject: `atelier « ${session.title} » : une place s'est libérée pour vous`,
      heading: "Une place à l'atelier s'est libérée pour vous",
      body: `Vous étiez en liste d'attente pour ${what} : une place vous a été attribuée.`,
    },
    cancelled: {
      subject: `atelier « ${session.title} » : inscription annulée`,
      heading: "Votre inscription à l'atelier est annulée",
      body: `Votre inscription à ${what} est annulée.`,
    },
  };
  const w = words[event];
  return {
    ...frame(edition, person, link),
    kind: `signup_${event}`,
    key: `signup-${event}:${person.id}:${session.id}:${at}`,
    subject: `${congressName(edition)}, ${w.subject}`,
    preview: w.body,
    heading: w.heading,
    paragraphs: [w.body, linkSentence],
    code: null,
    calendar: null,
  };
}

const DAY_MS = 86_400_000;

/**
 * How long the link in a message opens the attendee's space: until 60 days after the
 * congress's last day (certificates are downloaded after it), and never less than 30 days
 * after the message is written — a link sent after the congress (a late correction, a
 * registration to an edition kept open) must not arrive already dead.
 */
export function attendeeLinkExpiry(edition: Pick<MailEdition, "lastDay">, now: Date): Date {
  const afterCongress = new Date(`${edition.lastDay}T23:59:59Z`).getTime() + 60 * DAY_MS;
  return new Date(Math.max(afterCongress, now.getTime() + 30 * DAY_MS));
}

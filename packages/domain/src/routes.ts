/**
 * The server's URLs outside tRPC, in one table: the server registers its routes from it and
 * the front ends build their links with it, so that a path is written once. (tRPC procedures
 * are reached through the tRPC client under `ROUTES.trpc`; their names are the router's.)
 *
 * A public document of an edition (programme.json, and the formats to come) is an
 * `editionRoute`: `pattern` is the server's route (`:year` a parameter), `url(year)` the link.
 */

export interface EditionRoute {
  /** The route as the server declares it, with a `:year` parameter. */
  readonly pattern: string;
  /** The path of one edition's document. */
  url(year: number): string;
}

/** `/api/editions/:year/<file>`: a document of one edition. */
export function editionRoute(file: string): EditionRoute {
  return {
    pattern: `/api/editions/:year/${file}`,
    url: (year) => `/api/editions/${year}/${file}`,
  };
}

export const ROUTES = {
  /** tRPC: queries, mutations and the live subscriptions (server-sent events). */
  trpc: "/trpc",
  /** 200 while the database answers, 503 `database_unavailable` otherwise. */
  health: "/healthz",
  /** The published programme, for anyone (apps, the congress site). */
  programmeJson: editionRoute("programme.json"),
  /** The press kit as a PDF, for press, bureau and admin; `?apercu` shows it inline. */
  pressKitPdf: editionRoute("press-kit.pdf"),
  /** The published programme as iCalendar (subscribe with webcal://), for anyone. */
  programmeIcs: editionRoute("programme.ics"),
  /** The published programme as a frab/c3voc schedule (Giggity, ConfClerk, EventFahrplan). */
  scheduleJson: editionRoute("schedule.json"),
  scheduleXml: editionRoute("schedule.xml"),
  /** The printable programme (a PDF), for anyone. */
  programmePdf: editionRoute("programme.pdf"),
  /** The published key figures as open data, with their source. */
  figuresJson: editionRoute("figures.json"),
  figuresCsv: editionRoute("figures.csv"),
  /** The attendee's own badge, a PDF (`?jeton=`: the attendee's space's token). */
  attendeeBadgePdf: "/api/mon-inscription/badge.pdf",
  /** The attendee's attendance certificate, a PDF, once checked in (`?jeton=`). */
  attendeeCertificatePdf: "/api/mon-inscription/attestation.pdf",
  /** The attendee's own calendar feed (`?jeton=`: the space's `calendarToken`). */
  attendeeCalendarIcs: "/api/mon-inscription/agenda.ics",
  /** Badges for organisers (`?format=a6|card`, `&subdivision=<id>`, `&depuis=YYYY-MM-DD`). */
  badgesPdf: editionRoute("badges.pdf"),
  /** Every checked-in attendee's certificate, for organisers. */
  certificatesPdf: editionRoute("attestations.pdf"),
} as const;

/**
 * The admin's pages reached without an account, whose links leave the server (in messages):
 * the page that asks for a reset link, the one that chooses a new password (`?jeton=`), the one
 * that accepts an invitation (`?jeton=`).
 */
export const ACCOUNT_PAGES = {
  login: "/connexion",
  forgotPassword: "/connexion/mot-de-passe-oublie",
  newPassword: "/connexion/nouveau-mot-de-passe",
  invitation: "/connexion/invitation",
} as const;

/** The most calls one tRPC batch may carry: the admin's batching link and the server agree. */
export const TRPC_MAX_BATCH_SIZE = 10;

/** The edition's year in a route's `:year` parameter: four digits. */
export const ROUTE_YEAR = /^\d{4}$/;

/**
 * The attendees' documents as models for the PDF package: badges (the desk scans their QR code,
 * the registration code) and attendance certificates. The server renders them in its worker.
 * Lists of people are personal data leaving the system: the organisers' prints are audited.
 */
import type { Executor } from "@tribune/db";
import {
  type AttendeeRow,
  attendeesHoldingPlace,
  badgeRoleSources,
  subdivisionName,
} from "@tribune/db/repos/attendees";
import { findEditionByYear } from "@tribune/db/repos/editions";
import type { EditionWithBudget } from "@tribune/domain/congress";
import { enforce, instantFromLocal, localDay, refusalError } from "@tribune/domain/kernel";
import {
  type Badge,
  type BadgeFormat,
  type BadgeRoleFacts,
  type BadgeSheets,
  BadgesQuery,
  badgeOrder,
  badgeOutcome,
  badgeRole,
  CERTIFICATE_SIGNATORY,
  type CertificateBook,
  certificateOutcome,
  DOCUMENT_REFUSALS,
  type DocumentEdition,
  daysAttended,
  normaliseName,
  UNION_FULL_NAME,
  UNION_NAME,
  webDomain,
} from "@tribune/domain/union";
import type { z } from "zod";
import { found } from "../../found";
import { change, clockOf, type ServiceContext } from "../kit";
import { attendeeOf } from "./space";

const documentEdition = (e: EditionWithBudget): DocumentEdition => ({
  number: e.number,
  year: e.year,
  theme: e.theme,
  city: e.city,
  venue: e.venue,
  firstDay: e.firstDay,
  lastDay: e.lastDay,
});

async function roleFacts(db: Executor, editionId: string): Promise<BadgeRoleFacts> {
  const sources = await badgeRoleSources(db, editionId);
  return {
    bureauEmails: new Set(sources.bureauEmails.map((e) => e.toLowerCase())),
    speakerNames: new Set(sources.speakerNames.map(normaliseName)),
    partnerDomains: new Set(
      sources.partnerWebsites.map(webDomain).filter((d): d is string => d !== null),
    ),
  };
}

const badgeOf = (person: AttendeeRow, facts: BadgeRoleFacts): Badge => ({
  code: person.code,
  firstName: person.firstName,
  lastName: person.lastName,
  subdivision: person.subdivision,
  role: badgeRole(person, facts),
});

function certificatesOf(edition: EditionWithBudget, people: AttendeeRow[], now: Date) {
  return {
    unionName: UNION_NAME,
    unionFullName: UNION_FULL_NAME,
    signatory: { ...CERTIFICATE_SIGNATORY },
    edition: documentEdition(edition),
    issuedOn: localDay(now.toISOString(), edition.timeZone),
    certificates: people.map((p) => ({
      code: p.code,
      firstName: p.firstName,
      lastName: p.lastName,
      subdivision: p.subdivision,
      days: daysAttended(p.checkedInAt, edition),
    })),
  };
}

/** The attendee's own badge (one A6 page), while they hold a place. */
export async function ownBadge(ctx: ServiceContext, token: string): Promise<BadgeSheets> {
  const { registration, edition } = await attendeeOf(ctx, token);
  enforce(badgeOutcome(registration));
  const person: AttendeeRow = {
    ...registration,
    subdivision: (await subdivisionName(ctx.db, registration.subdivisionId)) ?? "",
  };
  return {
    format: "a6",
    unionName: UNION_NAME,
    edition: documentEdition(edition),
    badges: [badgeOf(person, await roleFacts(ctx.db, edition.id))],
  };
}

/** The attendee's own certificate, once the desk recorded their arrival. */
export async function ownCertificate(ctx: ServiceContext, token: string): Promise<CertificateBook> {
  const { registration, edition } = await attendeeOf(ctx, token);
  enforce(certificateOutcome(registration));
  const person: AttendeeRow = {
    ...registration,
    subdivision: (await subdivisionName(ctx.db, registration.subdivisionId)) ?? "",
  };
  return certificatesOf(edition, [person], clockOf(ctx).now());
}

/**
 * Badges for the organisers: everyone holding a place, one subdivision, or those registered
 * since a day (midnight in the edition's zone), by surname. Audited as an export.
 */
export async function badgeSheets(
  ctx: ServiceContext,
  input: z.input<typeof BadgesQuery>,
): Promise<BadgeSheets> {
  const query = BadgesQuery.parse(input);
  const edition = found(await findEditionByYear(ctx.db, query.year), `Édition ${query.year}`);
  return change(ctx, async (tx, effects) => {
    const people = await attendeesHoldingPlace(tx, edition.id, {
      ...(query.subdivisionId && { subdivisionId: query.subdivisionId }),
      ...(query.registeredSince && {
        registeredSince: instantFromLocal(query.registeredSince, "00:00", edition.timeZone),
      }),
    });
    if (people.length === 0) throw refusalError(DOCUMENT_REFUSALS.noBadges());
    const facts = await roleFacts(tx, edition.id);
    await effects.audit({
      entity: "registration",
      entityId: edition.id,
      action: "export",
      after: { document: "badges", ...query, count: people.length },
    });
    return {
      format: query.format as BadgeFormat,
      unionName: UNION_NAME,
      edition: documentEdition(edition),
      badges: people.map((p) => badgeOf(p, facts)).sort(badgeOrder),
    };
  });
}

/** Every checked-in attendee's certificate, one per page, for the organisers. Audited. */
export async function certificateBook(
  ctx: ServiceContext,
  { year }: { year: number },
): Promise<CertificateBook> {
  const edition = found(await findEditionByYear(ctx.db, year), `Édition ${year}`);
  return change(ctx, async (tx, effects) => {
    const people = await attendeesHoldingPlace(tx, edition.id, { arrivedOnly: true });
    if (people.length === 0) throw refusalError(DOCUMENT_REFUSALS.noCertificates());
    await effects.audit({
      entity: "registration",
      entityId: edition.id,
      action: "export",
      after: { document: "certificates", year, count: people.length },
    });
    return certificatesOf(edition, people, clockOf(ctx).now());
  });
}

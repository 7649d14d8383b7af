import { z } from "zod";
import { IsoDate } from "../kernel/time";
import { normaliseName } from "./subdivision";

/**
 * The attendees' printed documents (issue 15): badges for the desk and the lanyards, and the
 * attendance certificate (attestation de présence). The domain decides what they say; the PDF
 * package lays them out (packages/press-kit/src/badges, …/certificate).
 */

// --- Badges ----------------------------------------------------------------------------------

export const BADGE_ROLES = ["attendee", "speaker", "partner", "bureau"] as const;
export const BadgeRole = z.enum(BADGE_ROLES);
export type BadgeRole = z.infer<typeof BadgeRole>;
export const BADGE_ROLE_LABELS: Record<BadgeRole, string> = {
  attendee: "Congressiste",
  speaker: "Intervenant·e",
  partner: "Partenaire",
  bureau: "Bureau national",
};

/** A6 badges four to an A4 sheet, or credit-card badges (85.6 × 54 mm) ten to a sheet. */
export const BADGE_FORMATS = ["a6", "card"] as const;
export const BadgeFormat = z.enum(BADGE_FORMATS, { error: "Format de badge inconnu." });
export type BadgeFormat = z.infer<typeof BadgeFormat>;
export const BADGE_FORMAT_LABELS: Record<BadgeFormat, string> = {
  a6: "A6, 4 par feuille A4",
  card: "Format carte bancaire, 10 par feuille A4",
};

export const Badge = z.object({
  /** The registration code: printed and in the QR code the check-in desk scans. */
  code: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  subdivision: z.string(),
  role: BadgeRole,
});
export type Badge = z.infer<typeof Badge>;

/** What the badges show of the congress. */
export const DocumentEdition = z.object({
  number: z.int().positive(),
  year: z.int(),
  theme: z.string(),
  city: z.string(),
  venue: z.string(),
  firstDay: IsoDate,
  lastDay: IsoDate,
});
export type DocumentEdition = z.infer<typeof DocumentEdition>;

export const BadgeSheets = z.object({
  format: BadgeFormat,
  unionName: z.string(),
  edition: DocumentEdition,
  badges: z.array(Badge),
});
export type BadgeSheets = z.infer<typeof BadgeSheets>;

/** Which badges to print: everyone holding a place, one subdivision, or those registered since a day. */
export const BadgesQuery = z.object({
  year: z.int().min(2000).max(2100),
  format: BadgeFormat.default("a6"),
  subdivisionId: z.uuid().optional(),
  /** Registered on or after this day (the edition's zone): the late ones, for a second print. */
  registeredSince: IsoDate.optional(),
});
export type BadgesQuery = z.input<typeof BadgesQuery>;

/** What decides a badge's role, read from the edition's people. */
export interface BadgeRoleFacts {
  /** Lower-cased addresses of the bureau's accounts. */
  bureauEmails: ReadonlySet<string>;
  /** normaliseName of the names of the edition's speakers. */
  speakerNames: ReadonlySet<string>;
  /** Domains of the edition's partners' websites ("macsf.fr"). */
  partnerDomains: ReadonlySet<string>;
}

/** "https://www.macsf.fr/contact" → "macsf.fr"; null if it is no web address. */
export function webDomain(website: string): string | null {
  try {
    const host = new URL(website).hostname.toLowerCase();
    return host.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/**
 * The role printed on a badge: the bureau (an account of the bureau with this address), a
 * speaker (named as one of the edition's speakers), a partner (an address at a partner's web
 * domain), else a congressiste. In that order: a bureau member who speaks is the bureau.
 */
export function badgeRole(
  person: { email: string; firstName: string; lastName: string },
  facts: BadgeRoleFacts,
): BadgeRole {
  const email = person.email.toLowerCase();
  if (facts.bureauEmails.has(email)) return "bureau";
  if (facts.speakerNames.has(normaliseName(`${person.firstName} ${person.lastName}`)))
    return "speaker";
  const domain = email.split("@")[1] ?? "";
  for (const partner of facts.partnerDomains)
    if (domain === partner || domain.endsWith(`.${partner}`)) return "partner";
  return "attendee";
}

/** The badges of a sheet in the order a desk files them: by surname, then first name. */
export const badgeOrder = (a: Badge, b: Badge) =>
  a.lastName.localeCompare(b.lastName, "fr", { sensitivity: "base" }) ||
  a.firstName.localeCompare(b.firstName, "fr", { sensitivity: "base" });

// --- Attendance certificates --------------------------------------------------------------------

/** Who signs the certificates for the union (the president, as the press kit names her). */
export const CERTIFICATE_SIGNATORY = {
  name: "Atika Bokhari",
  title: "Présidente de l'ISNAR-IMG",
} as const;

export const AttendanceCertificate = z.object({
  code: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  subdivision: z.string(),
  /** The days attended (daysAttended), in order. */
  days: z.array(IsoDate).min(1),
});
export type AttendanceCertificate = z.infer<typeof AttendanceCertificate>;

/** One certificate per page: one person's, or every checked-in attendee's (organisers). */
export const CertificateBook = z.object({
  unionName: z.string(),
  unionFullName: z.string(),
  signatory: z.object({ name: z.string(), title: z.string() }),
  edition: DocumentEdition,
  /** The day the certificates are issued (the edition's zone). */
  issuedOn: IsoDate,
  certificates: z.array(AttendanceCertificate),
});
export type CertificateBook = z.infer<typeof CertificateBook>;

export const CertificatesQuery = z.object({ year: z.int().min(2000).max(2100) });

export const DOCUMENT_REFUSALS = {
  noBadges: () => ({
    reason: "no_badges",
    code: "not_found" as const,
    message: "Aucune personne avec une place confirmée ne correspond à cette sélection.",
  }),
  noCertificates: () => ({
    reason: "no_certificates",
    code: "not_found" as const,
    message: "Aucune arrivée enregistrée pour cette édition : aucune attestation à produire.",
  }),
} as const;

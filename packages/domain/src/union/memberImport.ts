import { z } from "zod";
import { Email } from "../auth/account";
import {
  type MemberInput,
  type MembershipStatus,
  MembershipStatus as MembershipStatusSchema,
  PersonName,
} from "./member";
import { normaliseName, subdivisionMatcher } from "./subdivision";

/** Why a row of a member CSV was refused; clients switch on these codes. */
export const IMPORT_ERROR_CODES = [
  "missing_field",
  "bad_email",
  "unknown_subdivision",
  "outside_subdivision",
  "duplicate_in_file",
  "duplicate_existing",
  "bad_year",
  "bad_status",
  "bad_membership_year",
  "too_long",
] as const;
export const ImportErrorCode = z.enum(IMPORT_ERROR_CODES);
export type ImportErrorCode = z.infer<typeof ImportErrorCode>;

export const ImportRowError = z.object({
  /** Line of the file, counting the header as line 1. */
  line: z.int().positive(),
  code: ImportErrorCode,
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/** The columns a member CSV must have, and the headers accepted for each. */
export const MEMBER_CSV_COLUMNS = {
  firstName: ["prenom", "first name", "firstname"],
  lastName: ["nom", "nom de famille", "last name", "lastname"],
  email: ["email", "e mail", "courriel", "adresse e mail", "mail"],
  subdivision: ["subdivision", "ville", "structure"],
  yearOfTraining: ["annee", "annee de formation", "annee de des", "year", "phase"],
  membershipStatus: ["statut", "statut d adhesion", "adhesion", "status"],
  membershipYear: ["annee d adhesion", "annee adhesion", "membership year", "cotisation"],
} as const;
export type MemberCsvColumn = keyof typeof MEMBER_CSV_COLUMNS;
const REQUIRED_COLUMNS: MemberCsvColumn[] = [
  "firstName",
  "lastName",
  "email",
  "subdivision",
  "yearOfTraining",
];
const COLUMN_LABELS: Record<MemberCsvColumn, string> = {
  firstName: "prénom",
  lastName: "nom",
  email: "email",
  subdivision: "subdivision",
  yearOfTraining: "année",
  membershipStatus: "statut",
  membershipYear: "année d'adhésion",
};

/**
 * Maps a CSV header row to our columns ("Prénom" → firstName, "E-mail" → email). Returns the
 * missing required columns instead when there are any, so the whole file can be refused with
 * one clear message.
 */
export function mapMemberCsvHeader(
  header: readonly string[],
):
  | { ok: true; columns: Partial<Record<MemberCsvColumn, number>> }
  | { ok: false; message: string } {
  const columns: Partial<Record<MemberCsvColumn, number>> = {};
  header.forEach((raw, index) => {
    const name = normaliseName(raw);
    for (const [column, aliases] of Object.entries(MEMBER_CSV_COLUMNS)) {
      if (
        (aliases as readonly string[]).includes(name) &&
        columns[column as MemberCsvColumn] === undefined
      )
        columns[column as MemberCsvColumn] = index;
    }
  });
  const missing = REQUIRED_COLUMNS.filter((c) => columns[c] === undefined);
  if (missing.length > 0) {
    return {
      ok: false,
      message: `Colonnes manquantes : ${missing.map((c) => COLUMN_LABELS[c]).join(", ")}. Colonnes attendues : prénom, nom, email, subdivision, année (et, au choix, statut, année d'adhésion).`,
    };
  }
  return { ok: true, columns };
}

const STATUS_WORDS: Record<string, MembershipStatus> = {
  "": "active",
  active: "active",
  actif: "active",
  "a jour": "active",
  "a jour de cotisation": "active",
  oui: "active",
  pending: "pending",
  "en attente": "pending",
  attente: "pending",
  lapsed: "lapsed",
  echue: "lapsed",
  echu: "lapsed",
  expiree: "lapsed",
  non: "lapsed",
};

/** "1", "1re", "2e", "3ème", "DES 2" → 1..4; null for anything else. */
export function parseYearOfTraining(value: string): number | null {
  const match = normaliseName(value).match(/^(?:des )?([1-4])(?: ?(?:re|er|e|eme|ere|a|annee))*$/);
  return match ? Number(match[1]) : null;
}

export interface CsvRow {
  /** Line of the file where the row starts (the header is line 1). */
  line: number;
  cells: readonly string[];
}

export interface ImportSubdivision {
  id: string;
  slug: string;
  name: string;
  aliases?: readonly string[];
}

export interface ImportContext {
  subdivisions: readonly ImportSubdivision[];
  /** Emails (lower case) of the members already recorded. */
  existingEmails: ReadonlySet<string>;
  /** A representative imports into their own subdivision only. */
  onlySubdivisionId?: string | null;
  /** Membership year given to rows that leave it empty. */
  currentYear: number;
}

export const MemberImportReport = z.object({
  rows: z.int().nonnegative(),
  valid: z.int().nonnegative(),
  errors: z.array(ImportRowError),
});
export type MemberImportReport = z.infer<typeof MemberImportReport>;

/**
 * Checks every row of a member CSV. A row is valid when every field is; a refused row gets one
 * error per bad field, with its line number, a stable code and a French reason. Duplicates are
 * caught both within the file (the later line is refused, naming the first) and against the
 * members already recorded.
 */
export function validateMemberRows(
  header: readonly string[],
  rows: readonly CsvRow[],
  context: ImportContext,
): { valid: { line: number; member: MemberInput }[]; errors: ImportRowError[] } {
  const mapped = mapMemberCsvHeader(header);
  if (!mapped.ok) {
    return {
      valid: [],
      errors: [{ line: 1, code: "missing_field", field: null, message: mapped.message }],
    };
  }
  const { columns } = mapped;
  const subdivisionOf = subdivisionMatcher(context.subdivisions);
  const firstLineOf = new Map<string, number>();
  const valid: { line: number; member: MemberInput }[] = [];
  const errors: ImportRowError[] = [];

  for (const row of rows) {
    const cell = (column: MemberCsvColumn) => {
      const index = columns[column];
      return index === undefined ? "" : (row.cells[index] ?? "").trim();
    };
    const rowErrors: ImportRowError[] = [];
    const refuse = (code: ImportErrorCode, field: MemberCsvColumn | null, message: string) =>
      rowErrors.push({ line: row.line, code, field, message });

    const names = { firstName: cell("firstName"), lastName: cell("lastName") };
    for (const field of ["firstName", "lastName"] as const) {
      const parsed = PersonName.safeParse(names[field]);
      if (!parsed.success) {
        const empty = names[field] === "";
        refuse(
          empty ? "missing_field" : "too_long",
          field,
          empty
            ? `Le ${COLUMN_LABELS[field]} est vide.`
            : `Le ${COLUMN_LABELS[field]} dépasse 100 caractères.`,
        );
      }
    }

    const rawEmail = cell("email");
    const email = Email.safeParse(rawEmail);
    if (rawEmail === "") refuse("missing_field", "email", "L'adresse e-mail est vide.");
    else if (!email.success)
      refuse("bad_email", "email", `Adresse e-mail invalide : « ${rawEmail} ».`);

    const rawSubdivision = cell("subdivision");
    const subdivision = rawSubdivision ? subdivisionOf(rawSubdivision) : null;
    if (rawSubdivision === "") refuse("missing_field", "subdivision", "La subdivision est vide.");
    else if (!subdivision)
      refuse("unknown_subdivision", "subdivision", `Subdivision inconnue : « ${rawSubdivision} ».`);
    else if (context.onlySubdivisionId && subdivision.id !== context.onlySubdivisionId)
      refuse(
        "outside_subdivision",
        "subdivision",
        `Subdivision « ${subdivision.name} » : vous ne pouvez importer que les adhérent·es de votre subdivision.`,
      );

    const rawYear = cell("yearOfTraining");
    const year = parseYearOfTraining(rawYear);
    if (rawYear === "") refuse("missing_field", "yearOfTraining", "L'année de formation est vide.");
    else if (year === null)
      refuse(
        "bad_year",
        "yearOfTraining",
        `Année de formation invalide : « ${rawYear} » (attendu : 1, 2, 3 ou 4).`,
      );

    const rawStatus = cell("membershipStatus");
    const status =
      STATUS_WORDS[normaliseName(rawStatus)] ?? MembershipStatusSchema.safeParse(rawStatus).data;
    if (!status)
      refuse(
        "bad_status",
        "membershipStatus",
        `Statut d'adhésion inconnu : « ${rawStatus} » (à jour, en attente ou échue).`,
      );

    const rawMembershipYear = cell("membershipYear");
    const membershipYear =
      rawMembershipYear === "" ? context.currentYear : Number(rawMembershipYear);
    if (!Number.isInteger(membershipYear) || membershipYear < 2000 || membershipYear > 2100)
      refuse(
        "bad_membership_year",
        "membershipYear",
        `Année d'adhésion invalide : « ${rawMembershipYear} ».`,
      );

    if (email.success) {
      const first = firstLineOf.get(email.data);
      if (first !== undefined)
        refuse(
          "duplicate_in_file",
          "email",
          `Doublon : l'adresse ${email.data} figure déjà ligne ${first}.`,
        );
      else if (context.existingEmails.has(email.data))
        refuse(
          "duplicate_existing",
          "email",
          `Doublon : ${email.data} est déjà enregistré·e comme adhérent·e.`,
        );
      else firstLineOf.set(email.data, row.line);
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    valid.push({
      line: row.line,
      member: {
        subdivisionId: (subdivision as ImportSubdivision).id,
        firstName: names.firstName,
        lastName: names.lastName,
        email: email.data as string,
        yearOfTraining: year as number,
        membershipStatus: status as MembershipStatus,
        membershipYear,
        synthetic: false,
      },
    });
  }
  return { valid, errors };
}

import type { EditionCopyOptions } from "@tribune/domain/congress";
import { formatCount, formatDate } from "@tribune/domain/format";
import { PARIS } from "@tribune/domain/kernel";
import type { EditionView } from "../../../app/edition";

/** What the edition form holds: the controls' values, before the API's schemas check them. */
export interface EditionFields {
  /** Create only: the year of the edition to start from, "" for a blank edition. */
  fromYear: string;
  number: number;
  year: number;
  theme: string;
  subtitle: string;
  city: string;
  venue: string;
  firstDay: string;
  lastDay: string;
  timeZone: string;
  expectedAttendance: number;
  /** The registration quota; null: no limit. */
  capacity: number | null;
  registrationOpensOn: string | null;
  registrationClosesOn: string | null;
  budgetEuros: number;
  copy: EditionCopyOptions;
}

/** The edition's own fields (what create, createFrom and update share). */
export const EDITION_FIELDS = [
  "number",
  "year",
  "theme",
  "subtitle",
  "city",
  "venue",
  "firstDay",
  "lastDay",
  "timeZone",
  "expectedAttendance",
  "capacity",
  "registrationOpensOn",
  "registrationClosesOn",
  "budgetEuros",
] as const;
export type EditionField = (typeof EDITION_FIELDS)[number];
export const FORM_FIELDS = [...EDITION_FIELDS, "fromYear", "copy"] as const;

export const DEFAULT_COPY: EditionCopyOptions = { partners: true, surveys: true, programme: false };

/** Empty → NaN (the schema says the field is required); otherwise a number. */
export const toNumber = (value: unknown) =>
  value === "" || value === null || value === undefined ? Number.NaN : Number(value);
/** Empty → null (no limit); otherwise a number. */
export const toOptionalNumber = (value: unknown) =>
  value === "" || value === null || value === undefined ? null : Number(value);
/** Empty → null (no date set). */
export const toOptionalDay = (value: unknown) =>
  value === "" || value === null || value === undefined ? null : String(value);

/** A day 52 weeks later: the same weekday a year on (Thursday 22 → Thursday 21 January). */
export function sameWeekdayNextYear(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 364);
  return date.toISOString().slice(0, 10);
}

/** An empty form for a blank edition (next year, Paris time). */
export function blankFields(today: Date): EditionFields {
  return {
    fromYear: "",
    number: Number.NaN,
    year: today.getUTCFullYear() + 1,
    theme: "",
    subtitle: "",
    city: "",
    venue: "",
    firstDay: "",
    lastDay: "",
    timeZone: PARIS,
    expectedAttendance: 0,
    capacity: null,
    registrationOpensOn: null,
    registrationClosesOn: null,
    budgetEuros: 0,
    copy: DEFAULT_COPY,
  };
}

/**
 * The form of a new edition from `source`: the next number and year, the same weekdays a year
 * on, the same theme, place and figures to adjust; registration dates are left to set.
 */
export function fieldsFrom(source: EditionView, capacity: number | null): EditionFields {
  return {
    fromYear: String(source.year),
    number: source.number + 1,
    year: source.year + 1,
    theme: source.theme,
    subtitle: source.subtitle,
    city: source.city,
    venue: source.venue,
    firstDay: sameWeekdayNextYear(source.firstDay),
    lastDay: sameWeekdayNextYear(source.lastDay),
    timeZone: source.timeZone,
    expectedAttendance: source.expectedAttendance,
    capacity,
    registrationOpensOn: null,
    registrationClosesOn: null,
    budgetEuros: "budgetEuros" in source ? source.budgetEuros : 0,
    copy: DEFAULT_COPY,
  };
}

/** The form of an existing edition. */
export function fieldsOf(edition: EditionView, capacity: number | null): EditionFields {
  return {
    fromYear: "",
    number: edition.number,
    year: edition.year,
    theme: edition.theme,
    subtitle: edition.subtitle,
    city: edition.city,
    venue: edition.venue,
    firstDay: edition.firstDay,
    lastDay: edition.lastDay,
    timeZone: edition.timeZone,
    expectedAttendance: edition.expectedAttendance,
    capacity,
    registrationOpensOn: edition.registrationOpensOn,
    registrationClosesOn: edition.registrationClosesOn,
    budgetEuros: "budgetEuros" in edition ? edition.budgetEuros : 0,
    copy: DEFAULT_COPY,
  };
}

/** The edition's fields of the form, without the budget unless the person may see it. */
export function editionInput(values: EditionFields, withBudget: boolean) {
  const input: Partial<Record<EditionField, unknown>> = {};
  for (const field of EDITION_FIELDS) {
    if (field === "budgetEuros" && !withBudget) continue;
    input[field] = values[field];
  }
  return input;
}

/** What a create sends: a blank edition, or one from a previous edition with what to copy. */
export function createInput(values: EditionFields, withBudget: boolean) {
  const fields = editionInput(values, withBudget);
  if (values.fromYear === "") return fields;
  return { ...fields, fromYear: Number(values.fromYear), copy: values.copy };
}

const same = (a: unknown, b: unknown) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** What an edit sends: the edition's id and the fields that changed (the journal shows those). */
export function updateInput(
  id: string,
  values: EditionFields,
  initial: EditionFields,
  withBudget: boolean,
) {
  const now = editionInput(values, withBudget);
  const before = editionInput(initial, withBudget);
  const changed: Partial<Record<EditionField, unknown>> = {};
  for (const field of EDITION_FIELDS) {
    if (field in now && !same(now[field], before[field])) changed[field] = now[field];
  }
  return { id, ...changed };
}

/**
 * "du 1er octobre 2025 au 15 janvier 2026", "à partir du 1er octobre 2025", "pas encore
 * programmées": an edition's self-registration window in running text.
 */
export function registrationWindowText(
  edition: Pick<EditionView, "registrationOpensOn" | "registrationClosesOn">,
): string {
  const { registrationOpensOn: opens, registrationClosesOn: closes } = edition;
  if (!opens)
    return closes
      ? `pas encore ouvertes (clôture le ${formatDate(closes)})`
      : "pas encore programmées";
  return closes
    ? `du ${formatDate(opens)} au ${formatDate(closes)}`
    : `à partir du ${formatDate(opens)}, sans date de clôture`;
}

/** What a copy brought over, as the API reports it. */
export interface CopyReport {
  fromYear: number;
  rooms: number;
  sessions: number;
  sessionsLeftOut: string[];
  sections: number;
  surveys: string[];
  partners: number;
  /** The press kit's frame (organisation, headings, contacts, figure definitions) was copied. */
  frame?: boolean | undefined;
  /** Copied workshops that kept the places set for them. */
  sessionPlaces?: number | undefined;
  /** The edition-wide capacity carried over (null: no limit). */
  capacity?: number | null | undefined;
  /** The press kit's quoted figures, copied as they are with their source. */
  manualFigures?: number | undefined;
}

/** "Édition 2027 créée à partir de 2026 : 4 salles, 12 sessions en brouillon, …" */
export function copyReportText(year: number, copied: CopyReport): string {
  const parts = [
    formatCount(copied.rooms, "salle", "salles"),
    formatCount(copied.sections, "section du dossier de presse", "sections du dossier de presse") +
      " en brouillon",
  ];
  if (copied.sessions > 0)
    parts.push(
      `${formatCount(copied.sessions, "session", "sessions")} en brouillon${
        copied.sessionPlaces
          ? ` (dont ${formatCount(copied.sessionPlaces, "atelier", "ateliers")} avec son nombre de places)`
          : ""
      }`,
    );
  if (copied.capacity !== undefined)
    parts.push(
      copied.capacity === null
        ? "la capacité de l'édition (sans limite)"
        : `la capacité de l'édition (${formatCount(copied.capacity, "place", "places")})`,
    );
  if (copied.manualFigures)
    parts.push(
      `${formatCount(copied.manualFigures, "chiffre cité", "chiffres cités")} du dossier de presse, avec leur source`,
    );
  if (copied.surveys.length > 0)
    parts.push(
      `${formatCount(copied.surveys.length, "questionnaire", "questionnaires")} en brouillon (${copied.surveys.join(", ")})`,
    );
  if (copied.partners > 0) parts.push(formatCount(copied.partners, "partenaire", "partenaires"));
  if (copied.frame) parts.push("le cadre du dossier de presse (organisation, titres, contacts)");
  const leftOut =
    copied.sessionsLeftOut.length > 0
      ? ` Non reprises, après le dernier jour : ${copied.sessionsLeftOut.map((t) => `« ${t} »`).join(", ")}.`
      : "";
  return `Édition ${year} créée à partir de ${copied.fromYear} : ${parts.join(", ")}.${leftOut}`;
}

import { z } from "zod";
import { int, text } from "../kernel/input";
import { IsoDate, PARIS } from "../kernel/time";

/**
 * An edition as everyone sees it (the public pages, programme.json): without its budget. Its
 * state (preparation, registration open, running, finished, archived) is not stored: it
 * follows from its days, its registration window and its archive stamp (editionLifecycle.ts).
 */
export const Edition = z.object({
  id: z.uuid(),
  number: z.int().positive(),
  year: z.int().min(2000).max(2100),
  theme: z.string().min(1),
  subtitle: z.string(),
  city: z.string().min(1),
  venue: z.string().min(1),
  firstDay: IsoDate,
  lastDay: IsoDate,
  timeZone: z.string().default(PARIS),
  expectedAttendance: z.int().nonnegative(),
  /** First day of self-registration (00:00 in the edition's zone); null: not scheduled yet. */
  registrationOpensOn: IsoDate.nullable().default(null),
  /** Last day of self-registration (until 24:00); null: no closing date. */
  registrationClosesOn: IsoDate.nullable().default(null),
  /** When the edition was archived: read-only from then on. */
  archivedAt: z.string().nullable().default(null),
});
export type Edition = z.infer<typeof Edition>;

/** An edition with its budget, as stored: shown to EDITION_BUDGET_READERS only. */
export const EditionWithBudget = Edition.extend({ budgetEuros: z.int().nonnegative() });
export type EditionWithBudget = z.infer<typeof EditionWithBudget>;

export const EditionYear = z.object({ year: int({ min: 2000, max: 2100 }) });

/** Whether `zone` names a time zone this runtime knows (IANA: "Europe/Paris"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("fr-FR", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const Year = int({
  min: 2000,
  max: 2100,
  tooSmall: "Année entre 2000 et 2100.",
  tooBig: "Année entre 2000 et 2100.",
});

/** What an organiser gives for an edition (create; update takes any part of it). */
const editionFields = {
  number: int({
    min: 1,
    max: 1000,
    tooSmall: "Le numéro du congrès est un entier positif.",
    tooBig: "Le numéro du congrès ne dépasse pas 1000.",
  }),
  year: Year,
  theme: text({ max: 300 }).min(1, { error: "Le thème est obligatoire." }),
  subtitle: text({ max: 300 }),
  city: text({ max: 120 }).min(1, { error: "La ville est obligatoire." }),
  venue: text({ max: 200 }).min(1, { error: "Le lieu est obligatoire." }),
  firstDay: IsoDate,
  lastDay: IsoDate,
  timeZone: text({ max: 64 }).refine(isTimeZone, {
    error: "Fuseau horaire inconnu (par exemple Europe/Paris).",
  }),
  expectedAttendance: int({ min: 0, max: 100_000, tooBig: "Au plus 100 000 personnes." }),
  /** The registration quota (registration_quotas): null, no limit. */
  capacity: int({
    min: 0,
    max: 100_000,
    tooSmall: "La capacité ne peut être négative.",
    tooBig: "Au plus 100 000 places.",
  }).nullable(),
  registrationOpensOn: IsoDate.nullable(),
  registrationClosesOn: IsoDate.nullable(),
  budgetEuros: int({
    min: 0,
    max: 100_000_000,
    tooSmall: "Le budget ne peut être négatif.",
    tooBig: "Budget trop élevé.",
  }),
};

type Dates = {
  firstDay?: string | undefined;
  lastDay?: string | undefined;
  registrationOpensOn?: string | null | undefined;
  registrationClosesOn?: string | null | undefined;
};

/**
 * Why an edition's dates do not hold together (in French, on the field to fix), or null: the
 * last day before the first, a registration closing before it opens or opening after the
 * congress, days longer than a week.
 */
export function editionDatesProblem(
  edition: Dates,
): { field: keyof Dates; message: string } | null {
  const { firstDay, lastDay, registrationOpensOn: opens, registrationClosesOn: closes } = edition;
  if (firstDay && lastDay && lastDay < firstDay)
    return { field: "lastDay", message: "Le dernier jour précède le premier." };
  if (firstDay && lastDay && Date.parse(lastDay) - Date.parse(firstDay) > 13 * 86_400_000)
    return { field: "lastDay", message: "Un congrès dure au plus deux semaines." };
  if (opens && closes && closes < opens)
    return {
      field: "registrationClosesOn",
      message: "La clôture des inscriptions précède leur ouverture.",
    };
  if (opens && lastDay && opens > lastDay)
    return {
      field: "registrationOpensOn",
      message: "Les inscriptions doivent ouvrir avant la fin du congrès.",
    };
  return null;
}

const checkDates = (edition: Dates, ctx: z.core.$RefinementCtx) => {
  const problem = editionDatesProblem(edition);
  if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
};

const newEditionFields = {
  ...editionFields,
  subtitle: editionFields.subtitle.default(""),
  timeZone: editionFields.timeZone.default(PARIS),
  expectedAttendance: editionFields.expectedAttendance.default(0),
  capacity: editionFields.capacity.default(null),
  registrationOpensOn: editionFields.registrationOpensOn.default(null),
  registrationClosesOn: editionFields.registrationClosesOn.default(null),
  budgetEuros: editionFields.budgetEuros.default(0),
};

/** A new edition, from scratch. */
export const EditionInput = z.object(newEditionFields).superRefine(checkDates);
export type EditionInput = z.input<typeof EditionInput>;

/** What "from a previous one" copies besides the rooms and the press kit's texts. */
export const EditionCopyOptions = z.object({
  /** The partners of the previous edition become this one's. */
  partners: z.boolean().default(true),
  /** Its survey questionnaires, as drafts for the new year. */
  surveys: z.boolean().default(true),
  /** Its programme's frame, as draft sessions on the new days. */
  programme: z.boolean().default(false),
});
export type EditionCopyOptions = z.infer<typeof EditionCopyOptions>;

/**
 * A new edition from a previous one (`fromYear`): its number, year and days, and what to copy.
 * Fields left out are the previous edition's (theme, city, venue, zone, attendance, capacity,
 * budget); the registration dates are never copied (a new edition opens when someone says so).
 */
export const EditionFromInput = z
  .object({
    ...editionFields,
    theme: editionFields.theme.optional(),
    subtitle: editionFields.subtitle.optional(),
    city: editionFields.city.optional(),
    venue: editionFields.venue.optional(),
    timeZone: editionFields.timeZone.optional(),
    expectedAttendance: editionFields.expectedAttendance.optional(),
    capacity: editionFields.capacity.optional(),
    registrationOpensOn: editionFields.registrationOpensOn.default(null),
    registrationClosesOn: editionFields.registrationClosesOn.default(null),
    budgetEuros: editionFields.budgetEuros.optional(),
    fromYear: Year,
    copy: EditionCopyOptions.default({ partners: true, surveys: true, programme: false }),
  })
  .superRefine(checkDates);
export type EditionFromInput = z.input<typeof EditionFromInput>;

/** A partial edit of an edition; the merged result is checked again. */
export const EditionUpdate = z
  .object(editionFields)
  .partial()
  .extend({ id: z.uuid() })
  .superRefine(checkDates);
export type EditionUpdate = z.infer<typeof EditionUpdate>;

export const EditionArchiveInput = z.object({ id: z.uuid() });

/** The partners of an edition, in order (ids from the shared partner catalogue). */
export const EditionPartnersInput = z.object({
  editionId: z.uuid(),
  partnerIds: z.array(z.uuid()).max(200),
});
export type NewEdition = z.output<typeof EditionInput>;

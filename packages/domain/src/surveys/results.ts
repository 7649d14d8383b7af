import { z } from "zod";
import { text } from "../kernel/input";
import { discloseFreeText, discloseGroups, isDisclosable, withheldResults } from "./disclosure";
import {
  AnonymityMode,
  effectiveThreshold,
  type Question,
  type Survey,
  SurveySensitivity,
  SurveyStatus,
} from "./survey";

/**
 * Aggregated results as the API serves them, disclosure control applied: a suppressed group
 * has the same shape whatever its true size — no count, no statistic, no answer.
 */
export const ResultStats = z.object({
  mean: z.number().nullable(),
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
});
export type ResultStats = z.infer<typeof ResultStats>;

export const ChoiceResult = z.object({
  choice: z.string(),
  label: z.string(),
  /** Null when this answer's count is itself too small to show. */
  n: z.int().nonnegative().nullable(),
  share: z.number().nullable(),
});
export type ChoiceResult = z.infer<typeof ChoiceResult>;

/**
 * Why a survey's results are not shown now: a sensitive survey (health data) still collecting.
 * Only the number of responses received is given, rounded down to a multiple of `step` (the
 * disclosure threshold), so that no single answer can be read off two successive readings.
 */
export const ResultsWithheld = z.object({
  reason: z.literal("sensitive_open"),
  /** Responses received, rounded down to a multiple of `step`. */
  received: z.int().nonnegative(),
  step: z.int().positive(),
});
export type ResultsWithheld = z.infer<typeof ResultsWithheld>;

/**
 * One free-text answer. `id` names this answer to this question only (a hash, not the
 * response's id): two answers of the same person carry unrelated ids, so they cannot be paired.
 */
export const FreeTextAnswer = z.object({ id: z.string(), text: z.string() });
export type FreeTextAnswer = z.infer<typeof FreeTextAnswer>;

export const ResultGroup = z.object({
  /** The group's answer code; null for the whole survey, or "no answer" in a breakdown. */
  key: z.string().nullable(),
  label: z.string(),
  suppressed: z.boolean(),
  n: z.int().nonnegative().nullable(),
  stats: ResultStats.nullable(),
  choices: z.array(ChoiceResult).nullable(),
  /** Free-text answers: only with at least ten of them (hidden ones left out). */
  texts: z.array(FreeTextAnswer).nullable(),
});
export type ResultGroup = z.infer<typeof ResultGroup>;

export const QuestionResult = z.object({
  surveyId: z.uuid(),
  questionId: z.string(),
  questionLabel: z.string(),
  questionType: z.string(),
  threshold: z.int(),
  groupBy: z.string().nullable(),
  /** Set while the results are withheld: then `overall` is suppressed, `groups` empty. */
  withheld: ResultsWithheld.nullable(),
  overall: ResultGroup,
  groups: z.array(ResultGroup),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const ResultQuery = z.object({
  surveyId: z.uuid(),
  questionId: text({ max: 40 }).min(1),
  /** A single-choice or yes/no question to break down by (subdivision, year, any other). */
  groupBy: text({ max: 40 }).min(1).nullable().default(null),
});
export type ResultQuery = z.input<typeof ResultQuery>;

/** Hides one free-text answer from every reader (the answer stays stored, never shown). */
export const HideFreeTextInput = z.object({
  surveyId: z.uuid(),
  questionId: text({ max: 40 }).min(1),
  /** The answer's `id` as the results give it. */
  answerId: text({ max: 64 }).regex(/^[0-9a-f]{64}$/, { error: "Réponse libre inconnue." }),
});
export type HideFreeTextInput = z.input<typeof HideFreeTextInput>;

/** The results of every question as a spreadsheet, overall or broken down. */
export const ResultsExportInput = z.object({
  id: z.uuid(),
  groupBy: text({ max: 40 }).min(1).nullable().default(null),
});
export type ResultsExportInput = z.input<typeof ResultsExportInput>;

export const ResultsExport = z.object({ filename: z.string(), csv: z.string() });
export type ResultsExport = z.infer<typeof ResultsExport>;

/** What a live reader of a survey's collection is told: to reload it, nothing more. */
export const SurveyLiveChange = z.object({
  surveyId: z.uuid(),
  reason: z.enum(["subscribed", "changed"]),
});
export type SurveyLiveChange = z.infer<typeof SurveyLiveChange>;

export const SurveySummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  year: z.int().nullable(),
  partners: z.array(z.string()),
  status: SurveyStatus,
  anonymity: AnonymityMode,
  sensitivity: SurveySensitivity,
  opensOn: z.iso.date().nullable(),
  closesOn: z.iso.date().nullable(),
  questions: z.int().nonnegative(),
  /** In steps of `withheld.step` while the results are withheld. */
  responses: z.int().nonnegative(),
  synthetic: z.boolean(),
  withheld: ResultsWithheld.nullable(),
});
export type SurveySummary = z.infer<typeof SurveySummary>;

/**
 * A survey as the list gives it: its response count (`stored`: in the results now) — in steps of
 * the threshold while a sensitive survey's results are withheld — and no answer.
 */
export function surveySummary(s: Survey, stored: { n: number; synthetic: boolean }): SurveySummary {
  const withheld = withheldResults(s, stored.n);
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    year: s.year,
    partners: s.partners,
    status: s.status,
    anonymity: s.anonymity,
    sensitivity: s.sensitivity,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    questions: s.questions.length,
    responses: withheld ? withheld.received : stored.n,
    synthetic: stored.synthetic,
    withheld,
  };
}

export const SurveyResponseInput = z.object({
  slug: text({ max: 80 }).regex(/^[a-z0-9-]+$/),
  /** Free-text answers are checked against their question (`validateResponse`). */
  answers: z.record(text({ max: 40 }), z.unknown()),
  /** The one-time token of an invitation; not needed for an open-link survey. */
  token: text({ max: 200 }).nullable().default(null),
});
export type SurveyResponseInput = z.input<typeof SurveyResponseInput>;

/**
 * A survey tool's export travels in one request: 100,000 responses to 20 questions make about
 * 10 MB of CSV. The server accepts requests this large on the import procedures only.
 */
export const MAX_SURVEY_IMPORT_BYTES = 32 * 1024 * 1024;

/** Question code → CSV heading (null: not imported). */
const SurveyCsvMappingInput = z.record(text({ max: 40 }), text({ max: 500 }).nullable());

export const SurveyImportInput = z.object({
  surveyId: z.uuid(),
  /** The CSV text (LimeSurvey response export, question codes as headings). */
  csv: text({
    max: MAX_SURVEY_IMPORT_BYTES,
    multiline: true,
    tooLong: "Fichier trop volumineux : 32 Mo au plus.",
  }).min(1, { error: "Le fichier est vide." }),
  /** Question → CSV heading; omitted: the suggested mapping. */
  mapping: SurveyCsvMappingInput.nullable().default(null),
  /** Report only, store nothing. */
  dryRun: z.boolean().default(true),
});
export type SurveyImportInput = z.input<typeof SurveyImportInput>;

export const SurveyImportReport = z.object({
  header: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()),
  rows: z.int().nonnegative(),
  valid: z.int().nonnegative(),
  /** Per bad row and question; at most 500 listed. */
  errors: z.array(
    z.object({ line: z.int(), questionId: z.string().nullable(), message: z.string() }),
  ),
  errorCount: z.int().nonnegative(),
  imported: z.int().nonnegative(),
});
export type SurveyImportReport = z.infer<typeof SurveyImportReport>;

// ——— Results, from the counts to what a reader is shown ——————————————————————————————————

/** The whole population's label, and a breakdown's group of those who did not answer it. */
export const OVERALL_LABEL = "Ensemble";
export const NO_ANSWER_LABEL = "Sans réponse";
export const YES_NO_LABELS = { yes: "Oui", no: "Non" } as const;

/** The answers a choice question offers, with their labels (yes/no: "yes" and "no"). */
export function answerLabels(q: Question): { value: string; label: string }[] {
  if (q.type === "single" || q.type === "multiple") return q.choices;
  if (q.type === "yes_no")
    return [
      { value: "yes", label: YES_NO_LABELS.yes },
      { value: "no", label: YES_NO_LABELS.no },
    ];
  return [];
}

/**
 * What the database counted in one group (the whole survey: key null) for one question:
 * respondents who answered it, their statistics (number and Likert questions) and how many
 * chose each answer (choice questions).
 */
export interface ResultTally {
  key: string | null;
  n: number;
  stats: ResultStats | null;
  choices: ReadonlyMap<string, number>;
}

/** A suppressed group: the same shape whatever its true size. */
const suppressedGroup = (key: string | null, label: string): ResultGroup => ({
  key,
  label,
  suppressed: true,
  n: null,
  stats: null,
  choices: null,
  texts: null,
});

/**
 * Each answer's count and share within a shown group. Answers to one single-choice (or yes/no)
 * question partition the group: primary and complementary suppression apply (`discloseGroups`).
 * Multiple choices overlap: each count stands alone (`isDisclosable`).
 */
function disclosedChoices(
  q: Question,
  counts: ReadonlyMap<string, number>,
  n: number,
  threshold: number,
): ChoiceResult[] {
  const labels = answerLabels(q);
  const tallies = labels.map((c) => ({ key: c.value, n: counts.get(c.value) ?? 0 }));
  const shown =
    q.type === "multiple"
      ? tallies.map((c) => c.n === 0 || isDisclosable(c.n, threshold))
      : discloseGroups(tallies, threshold).map((c) => !c.suppressed);
  return labels.map((c, i) => {
    const k = tallies[i]?.n ?? 0;
    return shown[i]
      ? { choice: c.value, label: c.label, n: k, share: n > 0 ? k / n : null }
      : { choice: c.value, label: c.label, n: null, share: null };
  });
}

/**
 * One question's results as a reader is shown them, from the database's counts, disclosure
 * control applied: a population under the survey's threshold is suppressed, as are groups of a
 * breakdown under it (and the smallest others, so that none can be worked out from the total);
 * free text only from ten answers (`discloseFreeText`), and never broken down — too easy to
 * recognise someone in a small group. While a sensitive survey's results are withheld, nothing
 * but that.
 */
export function buildQuestionResult(input: {
  survey: Pick<Survey, "id" | "disclosureThreshold">;
  question: Question;
  /** The breakdown's question (single choice or yes/no), or null. */
  group: Question | null;
  withheld: ResultsWithheld | null;
  /** The whole survey's tally; null when nobody answered. */
  overall?: ResultTally | null;
  /** One tally per answer to the breakdown's question that someone gave (null: no answer). */
  groups?: readonly ResultTally[];
  /** The visible free-text answers, when the reader may read them; null otherwise. */
  texts?: readonly FreeTextAnswer[] | null;
}): QuestionResult {
  const { survey, question: q, group } = input;
  const threshold = effectiveThreshold(survey.disclosureThreshold);
  const head = {
    surveyId: survey.id,
    questionId: q.id,
    questionLabel: q.label,
    questionType: q.type,
    threshold,
    groupBy: group?.id ?? null,
  };
  if (input.withheld)
    return {
      ...head,
      withheld: input.withheld,
      overall: suppressedGroup(null, OVERALL_LABEL),
      groups: [],
    };

  const numeric = q.type === "number" || q.type === "likert";
  const build = (
    key: string | null,
    label: string,
    tally: ResultTally | undefined,
    texts: ResultGroup["texts"],
  ): ResultGroup => {
    const n = tally?.n ?? 0;
    return {
      key,
      label,
      suppressed: false,
      n,
      stats: numeric ? (tally?.stats ?? null) : null,
      choices:
        numeric || q.type === "text"
          ? null
          : disclosedChoices(q, tally?.choices ?? new Map(), n, threshold),
      texts,
    };
  };

  const overall = input.overall ?? undefined;
  const texts = q.type === "text" && input.texts ? discloseFreeText(input.texts) : null;
  const overallGroup = isDisclosable(overall?.n ?? 0, threshold)
    ? build(null, OVERALL_LABEL, overall, texts)
    : suppressedGroup(null, OVERALL_LABEL);

  let groups: ResultGroup[] = [];
  if (group) {
    const byKey = new Map((input.groups ?? []).map((t) => [t.key, t]));
    const keys: { value: string | null; label: string }[] = [
      ...answerLabels(group),
      ...(byKey.has(null) ? [{ value: null, label: NO_ANSWER_LABEL }] : []),
    ];
    const disclosed = discloseGroups(
      keys.map((k) => ({ key: k.value ?? "", n: byKey.get(k.value)?.n ?? 0 })),
      threshold,
    );
    groups = keys.map((k, i) =>
      disclosed[i]?.suppressed === false
        ? build(k.value, k.label, byKey.get(k.value), null)
        : suppressedGroup(k.value, k.label),
    );
  }

  return { ...head, withheld: null, overall: overallGroup, groups };
}

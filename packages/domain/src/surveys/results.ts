import { z } from "zod";
import { text } from "../input";
import { AnonymityMode, SurveySensitivity, SurveyStatus } from "./survey";

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

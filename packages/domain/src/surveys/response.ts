import { z } from "zod";
import { DomainError } from "../kernel/errors";
import { controlCharacterProblem } from "../kernel/input";
import { localDay } from "../kernel/time";
import { SURVEY_REFUSALS } from "./refusals";
import type { Question, Survey } from "./survey";

/**
 * A response: one answer per question code. Numbers for number and Likert questions, a choice
 * code for single choice, a list of codes for multiple choice, a boolean for yes/no, a string
 * for free text. Nothing else travels with it: no member, no address, no time of day.
 */
export const AnswerValue = z.union([z.number(), z.string(), z.array(z.string()), z.boolean()]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const Answers = z.record(z.string(), AnswerValue.nullable());
// Built once: validating a 100,000-row import reads it two million times.
const OptionalAnswer = AnswerValue.nullable().optional();
export type Answers = z.infer<typeof Answers>;

export interface AnswerError {
  questionId: string;
  message: string;
}

const frNumber = (n: number) => String(n).replace(".", ",");

const isEmpty = (v: AnswerValue | null | undefined) =>
  v === null ||
  v === undefined ||
  (typeof v === "string" && v.trim() === "") ||
  (Array.isArray(v) && v.length === 0);

function checkAnswer(q: Question, v: AnswerValue): string | null {
  switch (q.type) {
    case "number":
      if (typeof v !== "number" || !Number.isFinite(v)) return "Saisissez un nombre.";
      if (q.integer && !Number.isInteger(v)) return "Saisissez un nombre entier.";
      if (v < q.min || v > q.max)
        return `La valeur doit être comprise entre ${frNumber(q.min)} et ${frNumber(q.max)}${q.unit ? ` ${q.unit}` : ""}.`;
      return null;
    case "single":
      if (typeof v !== "string") return "Choisissez une réponse.";
      return q.choices.some((c) => c.value === v) ? null : "Réponse inconnue pour cette question.";
    case "multiple": {
      if (!Array.isArray(v)) return "Choisissez une ou plusieurs réponses.";
      const known = new Set(q.choices.map((c) => c.value));
      if (v.some((x) => !known.has(x))) return "Réponse inconnue pour cette question.";
      if (new Set(v).size !== v.length) return "Une réponse est cochée deux fois.";
      return null;
    }
    case "yes_no":
      return typeof v === "boolean" ? null : "Répondez par oui ou par non.";
    case "likert":
      if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > q.points)
        return `Choisissez une valeur de 1 à ${q.points}.`;
      return null;
    case "text":
      if (typeof v !== "string") return "Saisissez un texte.";
      if (v.length > q.maxLength) return `${q.maxLength} caractères au plus.`;
      return controlCharacterProblem(v, true);
  }
}

/**
 * Checks a response against the questionnaire: each problem is reported against its question,
 * in French. Returns the answers normalised (empty answers dropped, text trimmed, multiple
 * choices in questionnaire order) or the list of errors — never both.
 */
export function validateResponse(
  survey: Pick<Survey, "questions">,
  raw: Record<string, unknown>,
): { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] } {
  const errors: AnswerError[] = [];
  const answers: Answers = {};
  const known = new Set(survey.questions.map((q) => q.id));
  for (const key of Object.keys(raw)) {
    if (!known.has(key))
      errors.push({ questionId: key, message: "Question inconnue dans ce questionnaire." });
  }
  for (const q of survey.questions) {
    const parsed = OptionalAnswer.safeParse(raw[q.id]);
    if (!parsed.success) {
      errors.push({ questionId: q.id, message: "Réponse illisible." });
      continue;
    }
    const v = parsed.data;
    if (v === null || v === undefined || isEmpty(v)) {
      if (q.required) errors.push({ questionId: q.id, message: "Cette question est obligatoire." });
      continue;
    }
    const problem = checkAnswer(q, v);
    if (problem) {
      errors.push({ questionId: q.id, message: problem });
      continue;
    }
    if (q.type === "text" && typeof v === "string") answers[q.id] = v.trim();
    else if (q.type === "multiple" && Array.isArray(v))
      answers[q.id] = q.choices.map((c) => c.value).filter((c) => v.includes(c));
    else answers[q.id] = v;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

/** The per-question errors as a form shows them: one list of messages per question code. */
export function answerFieldErrors(errors: readonly AnswerError[]): Record<string, string[]> {
  return Object.fromEntries(errors.map((e) => [e.questionId, [e.message]]));
}

/**
 * Like `validateResponse`, throwing a DomainError("invalid") carrying the per-question errors
 * (for scripts; the API goes through `decideResponse`, which words it the same).
 */
export function parseResponse(
  survey: Pick<Survey, "questions">,
  raw: Record<string, unknown>,
): Answers {
  const result = validateResponse(survey, raw);
  if (!result.ok) {
    const fieldErrors = answerFieldErrors(result.errors);
    throw new DomainError("invalid", SURVEY_REFUSALS.invalidAnswers(fieldErrors).message, {
      fieldErrors,
    });
  }
  return result.answers;
}

/**
 * The day a response is filed under: the only time kept with answers. The calendar day in Paris
 * (the congress's zone), as the people who answered and who read the results count days: an
 * answer at 00:30 belongs to that day, not to the previous UTC one.
 */
export function coarsenToDay(instant: Date): string {
  return localDay(instant.toISOString());
}

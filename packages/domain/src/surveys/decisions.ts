import { HEALTH_DATA_READERS, type Role } from "../auth/roles";
import type { Decision, Refusal } from "../kernel/refusal";
import { canReadFreeText, withheldNotice, withheldResults } from "./disclosure";
import { SURVEY_REFUSALS } from "./refusals";
import { type Answers, answerFieldErrors, validateResponse } from "./response";
import { findQuestion, type Question, type Survey } from "./survey";

/**
 * The rules of answering a survey and of reading its results, as pure decisions: each takes
 * what it needs (the survey, the actor's role, the counts) and says yes, with what it worked
 * out, or no, with a refusal worded in French (`refusals.ts`). Services load the facts, call
 * these, and act.
 */

const refuse = (refusal: Refusal) => ({ ok: false as const, refusal });

// ——— Who sees which survey ———————————————————————————————————————————————————————————————

/** The press sees published surveys (and their published key figures) only. */
export function seesPublishedOnly(role: Role): boolean {
  return role === "press";
}

/** Every reader but the press sees every survey. */
export function canSeeSurvey(role: Role, survey: Pick<Survey, "status">): boolean {
  return !seesPublishedOnly(role) || survey.status === "published";
}

/** A survey the reader may not see answers as one that does not exist. */
export function decideSurveyReading(role: Role, survey: Pick<Survey, "status">): Decision {
  return canSeeSurvey(role, survey) ? { ok: true } : refuse(SURVEY_REFUSALS.notFound());
}

// ——— Answering ———————————————————————————————————————————————————————————————————————————

/** The public form: only while the survey collects. */
export function decideForm(survey: Pick<Survey, "status">): Decision {
  return survey.status === "open" ? { ok: true } : refuse(SURVEY_REFUSALS.notOpen());
}

/**
 * A response from the public form: the survey collects, an invitation-only survey is answered
 * with its one-time token, and the answers fit the questionnaire (one message per question at
 * fault, nothing stored). Allowed: the answers normalised, and the token to spend (none for an
 * open-link survey).
 */
export function decideResponse(
  survey: Pick<Survey, "status" | "anonymity" | "questions">,
  input: { answers: Record<string, unknown>; token: string | null },
): Decision<{ answers: Answers; token: string | null }> {
  if (survey.status !== "open") return refuse(SURVEY_REFUSALS.notOpen());
  if (survey.anonymity !== "open_link" && !input.token)
    return refuse(SURVEY_REFUSALS.tokenRequired());
  const checked = validateResponse(survey, input.answers);
  if (!checked.ok) return refuse(SURVEY_REFUSALS.invalidAnswers(answerFieldErrors(checked.errors)));
  return {
    ok: true,
    answers: checked.answers,
    token: survey.anonymity === "open_link" ? null : input.token,
  };
}

/** What parking an answer came to (the database checks both at the moment it parks). */
export type ParkOutcome = "parked" | "survey_not_open" | "token_spent";

/** A parked answer is taken; the survey closed meanwhile, or the token was spent, refuse. */
export function decideParking(outcome: ParkOutcome): Decision {
  if (outcome === "survey_not_open") return refuse(SURVEY_REFUSALS.notOpen());
  if (outcome === "token_spent") return refuse(SURVEY_REFUSALS.tokenSpent());
  return { ok: true };
}

/** An import is applied whole or not at all: any bad row refuses it, naming how many. */
export function decideImport(errors: readonly { line: number }[]): Decision {
  return errors.length === 0
    ? { ok: true }
    : refuse(SURVEY_REFUSALS.importErrors(new Set(errors.map((e) => e.line)).size));
}

// ——— Reading results —————————————————————————————————————————————————————————————————————

/** A question results may be broken down by. */
export type BreakdownQuestion = Extract<Question, { type: "single" | "yes_no" }>;

/** Mental-health results are health data: breakdowns for admin and bureau only. */
function healthBreakdownRefusal(
  survey: Pick<Survey, "sensitivity">,
  groupBy: string | null,
  role: Role,
): Refusal | null {
  return survey.sensitivity === "health" && groupBy && !HEALTH_DATA_READERS.includes(role)
    ? SURVEY_REFUSALS.healthBreakdown()
    : null;
}

/** The question to break down by: a single-choice or yes/no question of the survey. */
function breakdownOf(
  survey: Pick<Survey, "questions">,
  groupBy: string | null,
): Decision<{ group: BreakdownQuestion | null }> {
  if (!groupBy) return { ok: true, group: null };
  const group = findQuestion(survey, groupBy);
  if (!group || (group.type !== "single" && group.type !== "yes_no"))
    return refuse(SURVEY_REFUSALS.badBreakdown());
  return { ok: true, group };
}

/**
 * One question's results, overall or broken down: health data (breakdowns, free text) for
 * admin and bureau only; a known question; a breakdown by a single-choice or yes/no question
 * other than itself. Allowed: the question and the breakdown's question.
 */
export function decideResultQuery(
  survey: Survey,
  query: { questionId: string; groupBy: string | null },
  role: Role,
): Decision<{ question: Question; group: BreakdownQuestion | null }> {
  const health = healthBreakdownRefusal(survey, query.groupBy, role);
  if (health) return refuse(health);
  const question = findQuestion(survey, query.questionId);
  if (question?.type === "text" && !canReadFreeText(survey, role))
    return refuse(SURVEY_REFUSALS.healthFreeText());
  if (!question) return refuse(SURVEY_REFUSALS.unknownQuestion());
  const breakdown = breakdownOf(survey, query.groupBy);
  if (!breakdown.ok) return breakdown;
  if (breakdown.group?.id === question.id) return refuse(SURVEY_REFUSALS.selfBreakdown());
  return { ok: true, question, group: breakdown.group };
}

/**
 * The results of every question as a file: what the reader may see of the survey (the press,
 * published ones), health breakdowns for admin and bureau only, and nothing while a sensitive
 * survey's results are withheld (`received`: the responses in the results now).
 */
export function decideResultsExport(
  survey: Survey,
  groupBy: string | null,
  role: Role,
  received: number,
): Decision<{ group: BreakdownQuestion | null }> {
  const seen = decideSurveyReading(role, survey);
  if (!seen.ok) return seen;
  const health = healthBreakdownRefusal(survey, groupBy, role);
  if (health) return refuse(health);
  const withheld = withheldResults(survey, received);
  if (withheld) return refuse(SURVEY_REFUSALS.resultsWithheld(withheldNotice(withheld)));
  // The breakdown's own question is left out of the file: nothing to break down otherwise.
  if (!survey.questions.some((q) => q.id !== groupBy)) return { ok: true, group: null };
  return breakdownOf(survey, groupBy);
}

/**
 * Hiding a free-text answer: a free-text question, of a survey whose free text the actor may
 * read (health data: admin and bureau only).
 */
export function decideFreeTextHiding(survey: Survey, questionId: string, role: Role): Decision {
  const question = findQuestion(survey, questionId);
  if (question?.type !== "text") return refuse(SURVEY_REFUSALS.notFreeText());
  if (!canReadFreeText(survey, role)) return refuse(SURVEY_REFUSALS.healthFreeText());
  return { ok: true };
}

/** Hiding found no visible answer with this id. */
export function decideFreeTextHidden(hidden: boolean): Decision {
  return hidden ? { ok: true } : refuse(SURVEY_REFUSALS.freeTextNotFound());
}

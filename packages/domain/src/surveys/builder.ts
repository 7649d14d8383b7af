import { z } from "zod";
import { text } from "../kernel/input";
import type { Decision, Refusal } from "../kernel/refusal";
import { withheldResults } from "./disclosure";
import { KeyFigureDefinition } from "./keyFigure";
import { SURVEY_REFUSALS } from "./refusals";
import { ResultsWithheld } from "./results";
import {
  effectiveThreshold,
  type Question,
  Survey,
  SurveyDraft,
  type SurveyStatus,
} from "./survey";

/**
 * The survey builder's rules: what a survey manager may change, and when. Questions are data
 * stored with the survey, so building one is editing that data — within these rules.
 */

export const SurveyUpdate = z.object({ id: z.uuid(), survey: SurveyDraft });
export type SurveyUpdate = z.input<typeof SurveyUpdate>;

export const SurveyStatusChange = z.object({
  id: z.uuid(),
  status: z.enum(["draft", "open", "closed", "published"]),
});
export type SurveyStatusChange = z.input<typeof SurveyStatusChange>;

/** One-time response links for an invitation-only survey. */
export const IssueTokensInput = z.object({ id: z.uuid(), count: z.int().min(1).max(20_000) });
export type IssueTokensInput = z.input<typeof IssueTokensInput>;

/**
 * What the builder needs to know of a survey's answers: whether any was received — counting
 * those still waiting in the mixing pool, as the server does when it locks the questionnaire —
 * and the responses in the results, as `collection.total` gives them (in steps while a
 * sensitive survey's results are withheld). A yes or no, never a finer count.
 */
export const SurveyBuilderView = z.object({
  survey: Survey,
  /** Answers were received: questions and anonymity are locked, the draft cannot be deleted. */
  hasAnswers: z.boolean(),
  /** In the results now; in steps of `withheld.step` while the results are withheld. */
  responses: z.int().nonnegative(),
  /** The mixing batch: answers enter the results this many at a time. */
  batch: z.int().positive(),
  withheld: ResultsWithheld.nullable(),
});
export type SurveyBuilderView = z.infer<typeof SurveyBuilderView>;

/** The builder's view of a survey: `received` answers, of which `stored` in the results. */
export function surveyBuilderView(
  survey: Survey,
  { received, stored }: { received: number; stored: number },
): SurveyBuilderView {
  const withheld = withheldResults(survey, stored);
  return {
    survey,
    hasAnswers: received > 0,
    responses: withheld ? withheld.received : stored,
    batch: effectiveThreshold(survey.disclosureThreshold),
    withheld,
  };
}

/** Allowed moves: forward through collection and publication, and back one step to correct. */
const TRANSITIONS: Record<SurveyStatus, readonly SurveyStatus[]> = {
  draft: ["open"],
  open: ["closed", "draft"],
  closed: ["open", "published"],
  published: ["closed"],
};

export const SURVEY_STATUS_ACTIONS: Record<SurveyStatus, string> = {
  draft: "Repasser en brouillon",
  open: "Ouvrir la collecte",
  closed: "Clore la collecte",
  published: "Publier les résultats",
};

export function allowedStatuses(from: SurveyStatus): readonly SurveyStatus[] {
  return TRANSITIONS[from];
}

/**
 * Whether a survey may move to `to`, given the answers it received (mixed into the results or
 * still waiting in the pool). Allowed: whether the answers waiting in the pool are to be mixed
 * in now (`mix`: the survey stops collecting).
 */
export function decideStatusChange(
  survey: Pick<Survey, "status" | "questions" | "sensitivity">,
  to: SurveyStatus,
  received: number,
): Decision<{ mix: boolean }> {
  const refuse = (refusal: Refusal) => ({ ok: false as const, refusal });
  const mix = to !== "open";
  if (survey.status === to) return { ok: true, mix };
  if (!TRANSITIONS[survey.status].includes(to))
    return refuse(SURVEY_REFUSALS.statusMove(survey.status, to));
  if (to === "open" && survey.questions.length === 0) return refuse(SURVEY_REFUSALS.noQuestion());
  // Reopened, a health survey's results are withheld again until a second closing: the two
  // closed readings would differ by exactly the answers received in between.
  if (
    to === "open" &&
    survey.status === "closed" &&
    survey.sensitivity === "health" &&
    received > 0
  )
    return refuse(SURVEY_REFUSALS.healthReopen());
  if (to === "draft" && received > 0) return refuse(SURVEY_REFUSALS.answeredDraft());
  if (to === "published" && received === 0) return refuse(SURVEY_REFUSALS.nothingToPublish());
  return { ok: true, mix };
}

/** Why a status change is refused (its French message), or null when it is allowed. */
export function statusChangeRefusal(
  survey: Pick<Survey, "status" | "questions" | "sensitivity">,
  to: SurveyStatus,
  responses: number,
): string | null {
  return messageOf(decideStatusChange(survey, to, responses));
}

const canonical = (questions: readonly Question[]) => JSON.stringify(questions);

/**
 * Whether an edit may be saved. Once opened, the survey's link (its slug) is out there; once
 * answers were received the questionnaire is locked (answers were given to these questions, in
 * this form) and so is the anonymity mode.
 */
export function decideSurveyEdit(before: Survey, after: SurveyDraft, received: number): Decision {
  const refuse = (refusal: Refusal) => ({ ok: false as const, refusal });
  if (before.status !== "draft" && before.slug !== after.slug)
    return refuse(SURVEY_REFUSALS.slugPublished());
  if (received === 0) return { ok: true };
  if (canonical(before.questions) !== canonical(after.questions))
    return refuse(SURVEY_REFUSALS.questionsLocked());
  if (before.anonymity !== after.anonymity) return refuse(SURVEY_REFUSALS.anonymityLocked());
  return { ok: true };
}

/** Why an edit is refused (its French message), or null. */
export function surveyEditRefusal(
  before: Survey,
  after: SurveyDraft,
  responses: number,
): string | null {
  return messageOf(decideSurveyEdit(before, after, responses));
}

/** A slug names one survey: `holder` is the survey that has it now, if any. */
export function decideSurveySlug(
  holder: Pick<Survey, "id"> | null,
  surveyId: string | null,
): Decision {
  return holder && holder.id !== surveyId
    ? { ok: false, refusal: SURVEY_REFUSALS.duplicateSlug() }
    : { ok: true };
}

/** Only a draft without responses may go: anything else has a history worth keeping. */
export function decideSurveyDeletion(survey: Pick<Survey, "status">, responses: number): Decision {
  return survey.status === "draft" && responses === 0
    ? { ok: true }
    : { ok: false, refusal: SURVEY_REFUSALS.deleteKept() };
}

/** A key figure as the editor saves it (the survey it reads is named by the definition). */
export const KeyFigureSave = z.object({
  definition: KeyFigureDefinition,
  /** Null: a new figure; otherwise the id it had (an id can change while editing). */
  previousId: text({ max: 80 }).nullable().default(null),
});
export type KeyFigureSave = z.input<typeof KeyFigureSave>;

/** Checks a key figure against its survey's questionnaire: a French message, or null. */
export function keyFigureRefusal(
  survey: Pick<Survey, "questions">,
  definition: KeyFigureDefinition,
): string | null {
  const q = survey.questions.find((x) => x.id === definition.questionId);
  if (!q) return "Cette question n'existe pas dans l'enquête.";
  const numeric = q.type === "number" || q.type === "likert";
  const kind = definition.statistic.kind;
  if (q.type === "text") return "Un chiffre clé ne peut pas porter sur une question libre.";
  if (kind === "share_choice") {
    const codes =
      q.type === "yes_no" ? ["yes", "no"] : "choices" in q ? q.choices.map((c) => c.value) : [];
    if (numeric) return "Une part de réponse porte sur une question à choix.";
    const unknown = definition.statistic.choices.filter((c) => !codes.includes(c));
    if (unknown.length > 0) return `Réponse inconnue pour cette question : ${unknown.join(", ")}.`;
  } else if (!numeric) return "Cette statistique porte sur une question numérique.";
  if (definition.filter) {
    const f = survey.questions.find((x) => x.id === definition.filter?.questionId);
    if (!f || (f.type !== "single" && f.type !== "yes_no" && f.type !== "multiple"))
      return "Le filtre porte sur une question à choix de l'enquête.";
  }
  return null;
}

/** A key figure must read its survey's questionnaire as it is (`keyFigureRefusal`). */
export function decideKeyFigure(
  survey: Pick<Survey, "questions">,
  definition: KeyFigureDefinition,
): Decision {
  const problem = keyFigureRefusal(survey, definition);
  return problem ? { ok: false, refusal: SURVEY_REFUSALS.keyFigure(problem) } : { ok: true };
}

/** A stored key figure as the database holds it. */
export interface StoredKeyFigure {
  definition: KeyFigureDefinition;
  surveyId: string;
  position: number;
}

/**
 * Saving a key figure: valid for its survey, replacing the figure it was (`previous`, looked up
 * by `previousId`), under an id no other figure has (`idTaken`). Allowed: the id of the figure
 * to remove first (renamed), and the position to keep — its own within the same survey, or
 * null for the survey's last place.
 */
export function decideKeyFigureSave(input: {
  survey: Pick<Survey, "id" | "questions">;
  definition: KeyFigureDefinition;
  previousId: string | null;
  previous: StoredKeyFigure | null;
  idTaken: boolean;
}): Decision<{ replaces: string | null; position: number | null }> {
  const { survey, definition, previousId, previous } = input;
  const valid = decideKeyFigure(survey, definition);
  if (!valid.ok) return valid;
  if (previousId && !previous) return { ok: false, refusal: SURVEY_REFUSALS.keyFigureNotFound() };
  if (definition.id !== previousId && input.idTaken)
    return { ok: false, refusal: SURVEY_REFUSALS.duplicateKeyFigure() };
  return {
    ok: true,
    replaces: previous && previousId !== definition.id ? previous.definition.id : null,
    position: previous && previous.surveyId === survey.id ? previous.position : null,
  };
}

/**
 * The questions a stored key figure reads must still be in the questionnaire (a survey without
 * responses may have lost them since): otherwise the figure cannot be computed.
 */
export function decideKeyFigureQuestions(
  survey: Pick<Survey, "questions">,
  definition: Pick<KeyFigureDefinition, "questionId" | "filter">,
): Decision {
  for (const id of [definition.questionId, definition.filter?.questionId])
    if (id !== undefined && !survey.questions.some((q) => q.id === id))
      return { ok: false, refusal: SURVEY_REFUSALS.unknownFigureQuestion(id) };
  return { ok: true };
}

/** Which figures a reader is given: the press (and the press kit) published ones only. */
export function isKeyFigureListed(
  definition: Pick<KeyFigureDefinition, "published">,
  survey: Pick<Survey, "status">,
  { publishedOnly }: { publishedOnly: boolean },
): boolean {
  return !publishedOnly || (definition.published && survey.status === "published");
}

const messageOf = (decision: Decision): string | null =>
  decision.ok ? null : decision.refusal.message;

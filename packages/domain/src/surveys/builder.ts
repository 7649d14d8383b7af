import { z } from "zod";
import { text } from "../input";
import { KeyFigureDefinition } from "./keyFigure";
import { type Question, type Survey, SurveyDraft, type SurveyStatus } from "./survey";

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

/** Why a status change is refused (a French message), or null when it is allowed. */
export function statusChangeRefusal(
  survey: Pick<Survey, "status" | "questions">,
  to: SurveyStatus,
  responses: number,
): string | null {
  if (survey.status === to) return null;
  if (!TRANSITIONS[survey.status].includes(to))
    return `Une enquête « ${statusLabel(survey.status)} » ne peut pas passer à « ${statusLabel(to)} ».`;
  if (to === "open" && survey.questions.length === 0)
    return "Ajoutez au moins une question avant d'ouvrir la collecte.";
  if (to === "draft" && responses > 0)
    return "Des réponses sont enregistrées : l'enquête ne peut plus redevenir un brouillon.";
  if (to === "published" && responses === 0)
    return "Aucune réponse : il n'y a pas de résultat à publier.";
  return null;
}

const statusLabel = (s: SurveyStatus) =>
  ({ draft: "brouillon", open: "ouverte", closed: "close", published: "publiée" })[s];

const canonical = (questions: readonly Question[]) => JSON.stringify(questions);

/**
 * Why an edit is refused, or null. Once opened, the survey's link (its slug) is out there; once
 * responses exist the questionnaire is locked (answers were given to these questions, in this
 * form) and so is the anonymity mode.
 */
export function surveyEditRefusal(
  before: Survey,
  after: SurveyDraft,
  responses: number,
): string | null {
  if (before.status !== "draft" && before.slug !== after.slug)
    return "Le lien de l'enquête a été diffusé : son identifiant ne peut plus changer.";
  if (responses === 0) return null;
  if (canonical(before.questions) !== canonical(after.questions))
    return "Des réponses sont déjà enregistrées : les questions ne peuvent plus être modifiées.";
  if (before.anonymity !== after.anonymity)
    return "Des réponses sont déjà enregistrées : le mode d'anonymat ne peut plus changer.";
  return null;
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

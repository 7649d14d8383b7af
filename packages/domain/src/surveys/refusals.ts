import { formatCount } from "../format";
import type { Refusal } from "../kernel/refusal";
import type { SurveyStatus } from "./survey";

/**
 * Every refusal of the survey area, by stable reason, with its French wording: what the
 * decisions of `builder.ts` (the survey builder, key figures) and `decisions.ts` (answering,
 * reading, exporting) answer when a rule says no.
 */

/** A status as a sentence names it: « brouillon », « ouverte »… */
export const SURVEY_STATUS_NAMES: Record<SurveyStatus, string> = {
  draft: "brouillon",
  open: "ouverte",
  closed: "close",
  published: "publiée",
};

const DUPLICATE_SLUG = "Une enquête porte déjà cet identifiant : choisissez-en un autre.";
const DUPLICATE_KEY_FIGURE = "Un chiffre clé porte déjà cet identifiant.";
const HEALTH_DATA = "Données de santé : seuls l'administration et le Bureau National";

export const SURVEY_REFUSALS = {
  // ——— Finding a survey ———
  notFound: (): Refusal => ({
    reason: "survey_not_found",
    code: "not_found",
    message: "Enquête introuvable.",
  }),
  /** The public form and its answers: a survey that does not collect looks like none at all. */
  notOpen: (): Refusal => ({
    reason: "survey_not_open",
    code: "not_found",
    message: "Enquête introuvable ou close.",
  }),

  // ——— Answering ———
  tokenRequired: (): Refusal => ({
    reason: "survey_token_required",
    code: "forbidden",
    message: "Cette enquête se remplit depuis le lien reçu par courriel.",
  }),
  tokenSpent: (): Refusal => ({
    reason: "survey_token_spent",
    code: "forbidden",
    message: "Ce lien de réponse n'est pas valable ou a déjà servi.",
  }),
  invalidAnswers: (fieldErrors: Record<string, string[]>): Refusal => ({
    reason: "survey_answers_invalid",
    code: "invalid",
    message: "La réponse comporte des erreurs : rien n'a été enregistré.",
    fieldErrors,
  }),
  importErrors: (badLines: number): Refusal => ({
    reason: "survey_import_errors",
    code: "invalid",
    message: `${formatCount(badLines, "ligne en erreur", "lignes en erreur")} : corrigez le fichier, rien n'a été importé.`,
  }),

  // ——— Reading results ———
  healthBreakdown: (): Refusal => ({
    reason: "health_breakdown",
    code: "forbidden",
    message: `${HEALTH_DATA} voient les ventilations.`,
  }),
  healthFreeText: (): Refusal => ({
    reason: "health_free_text",
    code: "forbidden",
    message: `${HEALTH_DATA} lisent les réponses libres.`,
  }),
  unknownQuestion: (): Refusal => ({
    reason: "unknown_question",
    code: "invalid",
    message: "Question inconnue dans cette enquête.",
  }),
  /** A stored key figure whose question (or filter) left the questionnaire. */
  unknownFigureQuestion: (questionId: string): Refusal => ({
    reason: "unknown_question",
    code: "invalid",
    message: `Question « ${questionId} » inconnue dans cette enquête.`,
  }),
  badBreakdown: (): Refusal => ({
    reason: "bad_breakdown",
    code: "invalid",
    message: "On ne peut ventiler que par une question à choix unique ou oui/non.",
  }),
  selfBreakdown: (): Refusal => ({
    reason: "self_breakdown",
    code: "invalid",
    message: "Ventilation par la question elle-même.",
  }),
  /** An export of withheld results: `notice` is `withheldNotice`'s explanation. */
  resultsWithheld: (notice: string): Refusal => ({
    reason: "results_withheld",
    code: "forbidden",
    message: notice,
  }),
  notFreeText: (): Refusal => ({
    reason: "not_free_text",
    code: "invalid",
    message: "Cette question n'appelle pas de réponse libre.",
  }),
  freeTextNotFound: (): Refusal => ({
    reason: "free_text_not_found",
    code: "not_found",
    message: "Réponse libre introuvable ou déjà masquée.",
  }),

  // ——— The survey builder ———
  duplicateSlug: (): Refusal => ({
    reason: "survey_slug_taken",
    code: "already_exists",
    message: DUPLICATE_SLUG,
    fieldErrors: { slug: [DUPLICATE_SLUG] },
  }),
  slugPublished: (): Refusal => ({
    reason: "survey_slug_published",
    code: "invalid",
    message: "Le lien de l'enquête a été diffusé : son identifiant ne peut plus changer.",
  }),
  questionsLocked: (): Refusal => ({
    reason: "survey_questions_locked",
    code: "invalid",
    message: "Des réponses sont déjà enregistrées : les questions ne peuvent plus être modifiées.",
  }),
  anonymityLocked: (): Refusal => ({
    reason: "survey_anonymity_locked",
    code: "invalid",
    message: "Des réponses sont déjà enregistrées : le mode d'anonymat ne peut plus changer.",
  }),
  statusMove: (from: SurveyStatus, to: SurveyStatus): Refusal => ({
    reason: "survey_status_move",
    code: "invalid",
    message: `Une enquête « ${SURVEY_STATUS_NAMES[from]} » ne peut pas passer à « ${SURVEY_STATUS_NAMES[to]} ».`,
  }),
  noQuestion: (): Refusal => ({
    reason: "survey_without_question",
    code: "invalid",
    message: "Ajoutez au moins une question avant d'ouvrir la collecte.",
  }),
  answeredDraft: (): Refusal => ({
    reason: "survey_answered_draft",
    code: "invalid",
    message: "Des réponses sont enregistrées : l'enquête ne peut plus redevenir un brouillon.",
  }),
  nothingToPublish: (): Refusal => ({
    reason: "survey_nothing_to_publish",
    code: "invalid",
    message: "Aucune réponse : il n'y a pas de résultat à publier.",
  }),
  /**
   * A health survey's results are shown once it is closed: reopened, its results would be
   * withheld again, and a reading taken before and after a second closing would give the
   * answers received in between by subtraction.
   */
  healthReopen: (): Refusal => ({
    reason: "health_survey_reopen",
    code: "locked",
    message:
      "Données de santé : une enquête close qui a reçu des réponses ne peut pas être rouverte (comparer ses résultats avant et après révélerait les réponses reçues entre-temps). Créez une nouvelle enquête pour une nouvelle collecte.",
  }),
  deleteKept: (): Refusal => ({
    reason: "survey_kept",
    code: "invalid",
    message: "Seul un brouillon sans réponse peut être supprimé ; clôturez plutôt l'enquête.",
  }),

  // ——— Key figures ———
  keyFigure: (message: string): Refusal => ({
    reason: "key_figure_invalid",
    code: "invalid",
    message,
  }),
  keyFigureNotFound: (): Refusal => ({
    reason: "key_figure_not_found",
    code: "not_found",
    message: "Chiffre clé introuvable.",
  }),
  duplicateKeyFigure: (): Refusal => ({
    reason: "key_figure_id_taken",
    code: "already_exists",
    message: DUPLICATE_KEY_FIGURE,
    fieldErrors: { id: [DUPLICATE_KEY_FIGURE] },
  }),
} as const;

import { z } from "zod";
import { boundedNumber, int, text } from "../kernel/input";
import { IsoDate } from "../kernel/time";

/**
 * A survey: a questionnaire, its audience and period, and the rule that protects its
 * respondents (disclosure threshold). Questions are data (stored with the survey), answers are
 * validated against them before anything is stored.
 */

/** Groups smaller than this are suppressed (the US CMS cell-size rule); never below the floor. */
export const DEFAULT_DISCLOSURE_THRESHOLD = 11;
export const MIN_DISCLOSURE_THRESHOLD = 5;
/** Free-text answers of a group are shown only when the group has at least this many. */
export const FREE_TEXT_MIN_ANSWERS = 10;

export const SURVEY_STATUSES = ["draft", "open", "closed", "published"] as const;
export const SurveyStatus = z.enum(SURVEY_STATUSES, { error: "Statut d'enquête inconnu." });
export type SurveyStatus = z.infer<typeof SurveyStatus>;
export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = {
  draft: "Brouillon",
  open: "Ouverte",
  closed: "Close",
  published: "Résultats publiés",
};

/** `anonymous`: answers are never linkable to a person; `open_link`: anyone with the link. */
export const ANONYMITY_MODES = ["anonymous", "open_link"] as const;
export const AnonymityMode = z.enum(ANONYMITY_MODES);
export type AnonymityMode = z.infer<typeof AnonymityMode>;

/** Health data (mental health): breakdowns only for `admin` and `bureau`. */
export const SURVEY_SENSITIVITIES = ["standard", "health"] as const;
export const SurveySensitivity = z.enum(SURVEY_SENSITIVITIES);
export type SurveySensitivity = z.infer<typeof SurveySensitivity>;

const QuestionId = text({ max: 40 }).regex(/^[a-z][a-z0-9_]*$/, {
  error: "Code de question : minuscules, chiffres et _.",
});

const Choice = z.object({
  value: text({ max: 80 }).regex(/^[a-z0-9_-]+$/, {
    error: "Code de réponse : minuscules, chiffres, _ et -.",
  }),
  label: text({ max: 200 }).min(1),
});
export type Choice = z.infer<typeof Choice>;

const base = {
  id: QuestionId,
  label: text({ max: 500 }).min(1, { error: "L'intitulé est obligatoire." }),
  help: text({ max: 500, multiline: true }).default(""),
  required: z.boolean().default(true),
};

export const NumberQuestion = z
  .object({
    ...base,
    type: z.literal("number"),
    /** "heures par semaine", "%". */
    unit: text({ max: 40 }),
    min: boundedNumber(),
    max: boundedNumber(),
    integer: z.boolean().default(false),
  })
  .refine((q) => q.min < q.max, { error: "Le minimum doit être inférieur au maximum." });

/** Profile questions (subdivision, year of training) are single-choice questions marked so. */
export const PROFILES = ["subdivision", "year_of_training"] as const;
export const Profile = z.enum(PROFILES);
export type Profile = z.infer<typeof Profile>;

const choices = z
  .array(Choice)
  .min(2, { error: "Au moins deux réponses possibles." })
  .max(500, { error: "500 réponses possibles au plus." })
  .refine((cs) => new Set(cs.map((c) => c.value)).size === cs.length, {
    error: "Deux réponses possibles ont le même code.",
  });

export const SingleChoiceQuestion = z.object({
  ...base,
  type: z.literal("single"),
  choices,
  profile: Profile.nullable().default(null),
});
export const MultipleChoiceQuestion = z.object({
  ...base,
  type: z.literal("multiple"),
  choices,
});
export const YesNoQuestion = z.object({ ...base, type: z.literal("yes_no") });
export const LikertQuestion = z.object({
  ...base,
  type: z.literal("likert"),
  points: int({ min: 3, max: 10 }).default(5),
  minLabel: text({ max: 80 }).default("Pas du tout d'accord"),
  maxLabel: text({ max: 80 }).default("Tout à fait d'accord"),
});
export const FreeTextQuestion = z.object({
  ...base,
  type: z.literal("text"),
  maxLength: int({ min: 1, max: 10_000 }).default(2000),
});

export const Question = z.discriminatedUnion("type", [
  NumberQuestion,
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  YesNoQuestion,
  LikertQuestion,
  FreeTextQuestion,
]);
export type Question = z.infer<typeof Question>;
export type QuestionInput = z.input<typeof Question>;
export type QuestionType = Question["type"];

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  number: "Nombre",
  single: "Choix unique",
  multiple: "Choix multiple",
  yes_no: "Oui / non",
  likert: "Échelle de Likert",
  text: "Texte libre",
};

const surveyFields = {
  slug: text({ max: 80 }).regex(/^[a-z0-9-]+$/, {
    error: "Identifiant : minuscules, chiffres et -.",
  }),
  title: text({ max: 300 }).min(1, { error: "Le titre est obligatoire." }),
  year: int({ min: 2000, max: 2100 }).nullable(),
  partners: z
    .array(text({ max: 80 }).min(1))
    .max(20)
    .default([]),
  audience: text({ max: 300 }).default(""),
  opensOn: IsoDate.nullable(),
  closesOn: IsoDate.nullable(),
  status: SurveyStatus.default("draft"),
  anonymity: AnonymityMode.default("anonymous"),
  sensitivity: SurveySensitivity.default("standard"),
  disclosureThreshold: int({
    min: MIN_DISCLOSURE_THRESHOLD,
    max: 100_000,
    tooSmall: `Le seuil de confidentialité ne peut être inférieur à ${MIN_DISCLOSURE_THRESHOLD}.`,
  }).default(DEFAULT_DISCLOSURE_THRESHOLD),
  questions: z.array(Question).max(200),
};

const checkSurvey = <
  T extends { questions: Question[]; opensOn: string | null; closesOn: string | null },
>(
  s: T,
  ctx: z.core.$RefinementCtx<T>,
) => {
  const seen = new Set<string>();
  for (const [i, q] of s.questions.entries()) {
    if (seen.has(q.id))
      ctx.addIssue({
        code: "custom",
        path: ["questions", i, "id"],
        message: `Code « ${q.id} » en double.`,
      });
    seen.add(q.id);
  }
  for (const profile of PROFILES) {
    const n = s.questions.filter((q) => q.type === "single" && q.profile === profile).length;
    if (n > 1)
      ctx.addIssue({
        code: "custom",
        path: ["questions"],
        message: "Une question de profil en double.",
      });
  }
  if (s.opensOn && s.closesOn && s.closesOn < s.opensOn)
    ctx.addIssue({
      code: "custom",
      path: ["closesOn"],
      message: "La clôture précède l'ouverture.",
    });
};

export const SurveyInput = z.object(surveyFields).superRefine(checkSurvey);
export type SurveyInput = z.input<typeof SurveyInput>;

export const Survey = z.object({ id: z.uuid(), ...surveyFields }).superRefine(checkSurvey);

/** A survey as the builder edits it: everything but its status, which moves on its own. */
const { status: _status, ...draftFields } = surveyFields;
export const SurveyDraft = z.object(draftFields).superRefine(checkSurvey);
export type SurveyDraft = z.infer<typeof SurveyDraft>;
export type SurveyDraftInput = z.input<typeof SurveyDraft>;
export type Survey = z.infer<typeof Survey>;

/** One survey, by id. */
export const SurveyRef = z.object({ id: z.uuid() });
export type SurveyRef = z.input<typeof SurveyRef>;

/** The public form of one survey, by its slug (the link it was sent with). */
export const SurveyFormQuery = z.object({ slug: text({ max: 80 }).regex(/^[a-z0-9-]+$/) });
export type SurveyFormQuery = z.input<typeof SurveyFormQuery>;

/** A change that answers nothing but that it was made. */
export const SurveyOk = z.object({ ok: z.literal(true) });
export type SurveyOk = z.infer<typeof SurveyOk>;

/** What a respondent sees: no threshold, no status history. */
export const PublicSurvey = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  year: z.int().nullable(),
  partners: z.array(z.string()),
  audience: z.string(),
  closesOn: z.iso.date().nullable(),
  anonymity: AnonymityMode,
  questions: z.array(Question),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export const publicSurvey = (s: Survey): PublicSurvey => ({
  id: s.id,
  slug: s.slug,
  title: s.title,
  year: s.year,
  partners: s.partners,
  audience: s.audience,
  closesOn: s.closesOn,
  anonymity: s.anonymity,
  questions: s.questions,
});

/** The threshold a survey's results use: its own, never below the floor. */
export function effectiveThreshold(threshold: number | null | undefined): number {
  return Math.max(MIN_DISCLOSURE_THRESHOLD, threshold ?? DEFAULT_DISCLOSURE_THRESHOLD);
}

export function findQuestion(survey: Pick<Survey, "questions">, id: string): Question | undefined {
  return survey.questions.find((q) => q.id === id);
}

export function profileQuestion(
  survey: Pick<Survey, "questions">,
  profile: Profile,
): Extract<Question, { type: "single" }> | undefined {
  return survey.questions.find(
    (q): q is Extract<Question, { type: "single" }> => q.type === "single" && q.profile === profile,
  );
}

/** The standard year-of-training question (DES de médecine générale, four years). */
export function yearOfTrainingQuestion(id = "annee"): QuestionInput {
  return {
    id,
    type: "single",
    profile: "year_of_training",
    label: "En quelle année d'internat êtes-vous ?",
    choices: [1, 2, 3, 4].map((y) => ({
      value: `${y}`,
      label: y === 1 ? "1re année" : `${y}e année`,
    })),
  };
}

/** The standard subdivision question, its choices being the subdivisions' slugs. */
export function subdivisionQuestion(
  subdivisions: readonly { slug: string; name: string }[],
  id = "subdivision",
): QuestionInput {
  return {
    id,
    type: "single",
    profile: "subdivision",
    label: "Dans quelle subdivision effectuez-vous votre internat ?",
    choices: subdivisions.map((s) => ({ value: s.slug, label: s.name })),
  };
}

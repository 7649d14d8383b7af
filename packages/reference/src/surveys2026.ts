import type { Answers, KeyFigureDefinitionInput } from "@tribune/domain/surveys";
import {
  Survey,
  type SurveyInput,
  subdivisionQuestion,
  yearOfTrainingQuestion,
} from "@tribune/domain/surveys";
import { stableUuid } from "./fixtures";
import { SUBDIVISIONS_REFERENCE } from "./subdivisions";

/**
 * The three surveys the 2026 press kit quotes, with their questions, and SYNTHETIC response
 * sets: the real answers are not ours to publish, so these are generated, deterministic
 * (same call, same answers) and flagged `synthetic` in the database. They are built so that
 * the key figures computed from them reproduce the published numbers — the figures themselves
 * are never written down here, only the counts the generator must hit.
 */

const SURVEY_ENTITY = 50;

export interface SyntheticResponse {
  submittedOn: string;
  answers: Answers;
}

export interface ReferenceSurvey {
  survey: Survey;
  responses: SyntheticResponse[];
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: () => number, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

function shuffle<T>(xs: T[], rng: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}

/** `n` values, exactly `k` of them `a` and the rest `b`, in a shuffled order. */
function exactly<T>(n: number, k: number, a: T, b: T, rng: () => number): T[] {
  return shuffle(
    Array.from({ length: n }, (_, i) => (i < k ? a : b)),
    rng,
  );
}

/**
 * `n` integers in [min, max] whose sum is exactly `n × mean`, with exactly `above.count` of
 * them strictly above `above.threshold` (the others at or below it).
 */
function integersWithMean(
  n: number,
  mean: number,
  { min, max, above }: { min: number; max: number; above?: { threshold: number; count: number } },
  rng: () => number,
): number[] {
  const high = above
    ? Array.from({ length: above.count }, () =>
        int(rng, above.threshold + 1, Math.min(max, above.threshold + 12)),
      )
    : [];
  const cap = above ? above.threshold : max;
  const rest = n - high.length;
  const target = Math.round(n * mean) - high.reduce((s, x) => s + x, 0);
  const centre = Math.floor(target / rest);
  const low: number[] = [];
  for (let i = 0; i + 1 < rest; i += 2) {
    const d = int(rng, 0, Math.max(0, Math.min(centre - min, cap - centre - 1, 20)));
    low.push(centre + d, centre - d);
  }
  if (low.length < rest) low.push(centre);
  let remainder = target - centre * rest;
  for (let i = 0; remainder > 0; i = (i + 1) % rest) {
    if ((low[i] ?? cap) < cap) {
      low[i] = (low[i] ?? 0) + 1;
      remainder--;
    }
  }
  return shuffle([...high, ...low], rng);
}

function days(from: string, to: string, n: number, rng: () => number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000);
  return Array.from({ length: n }, () =>
    new Date(start + int(rng, 0, span) * 86_400_000).toISOString().slice(0, 10),
  ).sort();
}

/** Subdivisions drawn in proportion to their declared members. */
function subdivisions(n: number, rng: () => number): string[] {
  const total = SUBDIVISIONS_REFERENCE.reduce((s, d) => s + d.declaredMembers, 0);
  return Array.from({ length: n }, () => {
    let r = rng() * total;
    for (const d of SUBDIVISIONS_REFERENCE) {
      r -= d.declaredMembers;
      if (r < 0) return d.slug;
    }
    return SUBDIVISIONS_REFERENCE[0]?.slug ?? "paris";
  });
}

const COMMENTS = [
  "Les repos de sécurité ne sont pas respectés dans mon service.",
  "Trop de tâches administratives, pas assez de formation.",
  "Le tableau de service n'est jamais affiché à l'avance.",
  "Charge de travail correcte dans mon stage actuel.",
  "Les demi-gardes finissent souvent bien après minuit.",
  "Il faudrait un décompte du temps de travail en heures.",
];

/** Answers built column by column: `columns[q][i]` is respondent i's answer to q. */
function rows(
  n: number,
  columns: Record<string, readonly (Answers[string] | undefined)[]>,
): Answers[] {
  return Array.from({ length: n }, (_, i) => {
    const a: Answers = {};
    for (const [q, col] of Object.entries(columns)) {
      const v = col[i];
      if (v !== undefined && v !== null) a[q] = v;
    }
    return a;
  });
}

function tempsDeTravail(): ReferenceSurvey {
  const n = 1000;
  const rng = random(2024_01);
  const input: SurveyInput = {
    slug: "temps-de-travail-2024",
    title: "Enquête sur le temps de travail des internes",
    year: 2024,
    partners: ["ISNI", "FNSIP-BM", "ISNAR-IMG"],
    audience: "Internes de toutes spécialités",
    opensOn: "2024-03-04",
    closesOn: "2024-04-28",
    status: "published",
    questions: [
      subdivisionQuestion(SUBDIVISIONS_REFERENCE),
      yearOfTrainingQuestion(),
      {
        id: "heures_semaine",
        type: "number",
        label:
          "Combien d'heures avez-vous travaillé en moyenne par semaine sur votre dernier stage ?",
        unit: "heures par semaine",
        min: 0,
        max: 168,
        integer: true,
      },
      {
        id: "part_extra_medicale",
        type: "number",
        label: "Quelle part de votre temps de travail est consacrée à des tâches extra-médicales ?",
        unit: "%",
        min: 0,
        max: 100,
        integer: true,
      },
      {
        id: "repos_demi_garde",
        type: "yes_no",
        required: false,
        label: "Après une demi-garde de nuit, bénéficiez-vous de votre repos de sécurité ?",
      },
      {
        id: "repos_astreinte",
        type: "yes_no",
        required: false,
        label:
          "Après le dernier déplacement d'une astreinte de nuit, bénéficiez-vous de votre repos ?",
      },
      {
        id: "tableau_service",
        type: "yes_no",
        label: "Disposez-vous d'un tableau de service nominatif prévisionnel ?",
      },
      {
        id: "commentaire",
        type: "text",
        required: false,
        label: "Un commentaire sur votre temps de travail ?",
      },
    ],
  };
  // Half-night shifts concern 900 respondents, night on-call 800.
  const demiGarde = [...exactly(900, 387, true, false, rng), ...Array<undefined>(100)];
  const astreinte = [...exactly(800, 200, true, false, rng), ...Array<undefined>(200)];
  const responses = rows(n, {
    subdivision: subdivisions(n, rng),
    annee: Array.from({ length: n }, () => `${int(rng, 1, 4)}`),
    heures_semaine: integersWithMean(
      n,
      59,
      { min: 35, max: 168, above: { threshold: 80, count: 100 } },
      rng,
    ),
    part_extra_medicale: integersWithMean(n, 41, { min: 0, max: 100 }, rng),
    repos_demi_garde: shuffle(demiGarde, rng),
    repos_astreinte: shuffle(astreinte, rng),
    tableau_service: exactly(n, 440, true, false, rng),
    commentaire: Array.from({ length: n }, (_, i) =>
      i % 25 === 0 ? COMMENTS[(i / 25) % COMMENTS.length] : undefined,
    ),
  });
  return finish(1, input, responses, rng);
}

function santeMentale(): ReferenceSurvey {
  const internes = 500;
  const externes = 300;
  const n = internes + externes;
  const rng = random(2024_02);
  const input: SurveyInput = {
    slug: "sante-mentale-2024",
    title: "Enquête sur la santé mentale des étudiant·es en médecine",
    year: 2024,
    partners: ["ISNI", "ANEMF", "ISNAR-IMG"],
    audience: "Externes et internes",
    opensOn: "2024-02-05",
    closesOn: "2024-03-31",
    status: "published",
    sensitivity: "health",
    questions: [
      {
        id: "statut",
        type: "single",
        label: "Vous êtes :",
        choices: [
          { value: "externe", label: "Externe (2e cycle)" },
          { value: "interne", label: "Interne (3e cycle)" },
        ],
      },
      {
        id: "anxiete",
        type: "yes_no",
        label: "Présentez-vous des symptômes anxieux (score HAD ≥ 8) ?",
      },
      {
        id: "burn_out",
        type: "yes_no",
        label: "Avez-vous présenté un burn-out au cours de vos études ?",
      },
      {
        id: "idees_suicidaires",
        type: "yes_no",
        label: "Avez-vous eu des idées suicidaires au cours des douze derniers mois ?",
      },
      {
        id: "pense_arreter",
        type: "single",
        label: "Avez-vous déjà pensé à arrêter vos études ?",
        choices: [
          { value: "jamais", label: "Jamais" },
          { value: "parfois", label: "Parfois" },
          { value: "souvent", label: "Souvent" },
        ],
      },
      {
        id: "soutien",
        type: "likert",
        label: "Je me sens soutenu·e par ma faculté.",
        points: 5,
        required: false,
      },
    ],
  };
  const quitting = [
    ...exactly(internes, 150, "jamais", "", rng).map(
      (v) => v || (rng() < 0.6 ? "parfois" : "souvent"),
    ),
    ...Array.from({ length: externes }, () =>
      rng() < 0.3 ? "jamais" : rng() < 0.6 ? "parfois" : "souvent",
    ),
  ];
  const responses = rows(n, {
    statut: [
      ...Array<string>(internes).fill("interne"),
      ...Array<string>(externes).fill("externe"),
    ],
    anxiete: exactly(n, 432, true, false, rng),
    burn_out: exactly(n, 528, true, false, rng),
    idees_suicidaires: exactly(n, 168, true, false, rng),
    pense_arreter: quitting,
    soutien: Array.from({ length: n }, () => (rng() < 0.8 ? int(rng, 1, 5) : undefined)),
  });
  return finish(2, input, responses, rng);
}

function dixiemeAnnee(): ReferenceSurvey {
  const n = 500;
  const rng = random(2024_03);
  const input: SurveyInput = {
    slug: "dixieme-annee-mg",
    title: "Enquête sur la 10e année de Médecine Générale",
    year: null,
    partners: ["ISNAR-IMG"],
    audience: "Internes de médecine générale",
    opensOn: "2024-09-02",
    closesOn: "2024-10-13",
    status: "published",
    questions: [
      subdivisionQuestion(SUBDIVISIONS_REFERENCE),
      yearOfTrainingQuestion(),
      {
        id: "remuneration",
        type: "single",
        label: "Pour la 10e année, quel modèle de rémunération auriez-vous préféré ?",
        choices: [
          { value: "retrocession", label: "Une part de rétrocession à l'acte" },
          { value: "salaire", label: "Un salaire fixe uniquement" },
          { value: "sans_avis", label: "Sans avis" },
        ],
      },
      {
        id: "ambulatoire",
        type: "yes_no",
        label: "Souhaitez-vous vous installer en ambulatoire ?",
      },
      {
        id: "mode_exercice",
        type: "multiple",
        required: false,
        label: "Quels modes d'exercice envisagez-vous ?",
        choices: [
          { value: "groupe", label: "Cabinet de groupe" },
          { value: "msp", label: "Maison de santé pluriprofessionnelle" },
          { value: "centre", label: "Centre de santé" },
          { value: "seul", label: "Cabinet individuel" },
        ],
      },
    ],
  };
  const modes = ["groupe", "msp", "centre", "seul"];
  const responses = rows(n, {
    subdivision: subdivisions(n, rng),
    annee: Array.from({ length: n }, () => `${int(rng, 3, 4)}`),
    remuneration: exactly(n, 447, "retrocession", "", rng).map(
      (v) => v || (rng() < 0.7 ? "salaire" : "sans_avis"),
    ),
    ambulatoire: exactly(n, 420, true, false, rng),
    mode_exercice: Array.from({ length: n }, () => modes.filter(() => rng() < 0.4)),
  });
  return finish(3, input, responses, rng);
}

function finish(
  index: number,
  input: SurveyInput,
  answers: Answers[],
  rng: () => number,
): ReferenceSurvey {
  const survey = Survey.parse({ id: stableUuid(SURVEY_ENTITY, index), ...input });
  const on = days(
    survey.opensOn ?? "2024-01-01",
    survey.closesOn ?? "2024-12-31",
    answers.length,
    rng,
  );
  return {
    survey,
    responses: answers.map((a, i) => ({ submittedOn: on[i] ?? "2024-01-01", answers: a })),
  };
}

/** The three surveys of the 2026 press kit with their synthetic responses. */
export function referenceSurveys2026(): ReferenceSurvey[] {
  return [tempsDeTravail(), santeMentale(), dixiemeAnnee()];
}

const yes = { kind: "share_choice" as const, choices: ["yes"] };
const TT = "temps-de-travail-2024";
const SM = "sante-mentale-2024";
const DIX = "dixieme-annee-mg";

/**
 * The definitions behind every figure the 2026 kit prints, under the kit's figure ids.
 * Values come from the responses; these only say how.
 */
export const KEY_FIGURES_2026: KeyFigureDefinitionInput[] = [
  {
    id: "tt-moyenne",
    surveySlug: TT,
    questionId: "heures_semaine",
    statistic: { kind: "mean" },
    template: "{value} heures par semaine en moyenne",
    published: true,
  },
  {
    id: "tt-plus-80h",
    surveySlug: TT,
    questionId: "heures_semaine",
    statistic: { kind: "share_above", threshold: 80 },
    scale: 100,
    template: "{value} % des internes travaillent plus de 80 heures par semaine",
    published: true,
  },
  {
    id: "tt-extra-medical",
    surveySlug: TT,
    questionId: "part_extra_medicale",
    statistic: { kind: "mean" },
    template: "{value} % du temps consacré à des activités extra-médicales",
    published: true,
  },
  {
    id: "tt-repos-demi-garde",
    surveySlug: TT,
    questionId: "repos_demi_garde",
    statistic: yes,
    scale: 100,
    template: "{value} % des internes ont leur repos de sécurité après une demi-garde de nuit",
    published: true,
  },
  {
    id: "tt-repos-astreinte",
    surveySlug: TT,
    questionId: "repos_astreinte",
    statistic: yes,
    scale: 100,
    template: "{value} % ont leur repos après le dernier déplacement d'une astreinte de nuit",
    published: true,
  },
  {
    id: "tt-tableaux-service",
    surveySlug: TT,
    questionId: "tableau_service",
    statistic: yes,
    scale: 100,
    template: "{value} % des internes ont un tableau de service nominatif prévisionnel",
    published: true,
  },
  {
    id: "sm-anxiete",
    surveySlug: SM,
    questionId: "anxiete",
    statistic: yes,
    scale: 100,
    template: "{value} % des étudiant·es présentent des symptômes anxieux",
    published: true,
  },
  {
    id: "sm-burn-out",
    surveySlug: SM,
    questionId: "burn_out",
    statistic: yes,
    scale: 100,
    template: "{value} % des externes et internes ont présenté un burn-out",
    published: true,
  },
  {
    id: "sm-idees-suicidaires",
    surveySlug: SM,
    questionId: "idees_suicidaires",
    statistic: yes,
    scale: 100,
    template: "{value} % ont eu des idées suicidaires dans l'année",
    published: true,
  },
  {
    id: "sm-jamais-arret",
    surveySlug: SM,
    questionId: "pense_arreter",
    statistic: { kind: "share_choice", choices: ["jamais"] },
    filter: { questionId: "statut", choices: ["interne"] },
    scale: 10,
    template: "{value} internes sur 10 n'ont jamais pensé à arrêter leurs études",
    published: true,
  },
  {
    id: "dix-retrocession",
    surveySlug: DIX,
    questionId: "remuneration",
    statistic: { kind: "share_choice", choices: ["retrocession"] },
    scale: 100,
    decimals: 1,
    template: "{value} % des internes préfèrent une part de rétrocession à l'acte",
    published: true,
  },
  {
    id: "dix-ambulatoire",
    surveySlug: DIX,
    questionId: "ambulatoire",
    statistic: yes,
    scale: 100,
    template: "{value} % des internes veulent s'installer en ambulatoire",
    published: true,
  },
];

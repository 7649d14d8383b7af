import type { Conflict } from "@tribune/domain/schedule";
import type { SurveyCollection } from "@tribune/domain/surveys";
import type { LiveCounts } from "@tribune/domain/union";
import { referenceProgramme2026, referenceSubdivisions } from "@tribune/reference";
import type { DashboardData } from "./model";

/** The 2026 congress as the server seeds it, with one made-up conflict and some counts. */
export function sampleData(overrides: Partial<DashboardData> = {}): DashboardData {
  const { edition, rooms, sessions } = referenceProgramme2026();
  const clash = sessions.filter((s) => s.title.startsWith("Conférence partenaire")).slice(0, 2);
  const conflicts: Conflict[] = [
    {
      kind: "room_double_booked",
      sessionIds: clash.map((s) => s.id),
      roomId: null,
      speakerId: null,
      message: "La salle 4 accueille deux sessions à la fois.",
    },
  ];
  return {
    me: {
      id: "00000000-0000-4000-8000-000000000001",
      email: "bureau@tribune.demo",
      displayName: "Bureau",
      role: "bureau",
      subdivisionId: null,
    },
    edition,
    rooms,
    sessions,
    speakers: [
      {
        id: "00000000-0000-4000-8000-0000000000aa",
        name: "Camille Martin",
        affiliation: "ISNAR-IMG",
        bio: "",
        unavailable: [],
      },
    ],
    conflicts,
    counts: sampleCounts(edition.id),
    surveys: sampleSurveys(),
    ...overrides,
  };
}

export function sampleSurveys(): NonNullable<DashboardData["surveys"]> {
  const provenance = {
    surveySlug: "temps-de-travail-2026",
    survey: "Temps de travail des internes",
    partners: ["ISNAR-IMG"],
    year: 2026,
    respondents: 1234,
    from: "2025-11-03",
    to: "2025-12-14",
    synthetic: true,
  };
  const definition = {
    id: "heures",
    surveySlug: "temps-de-travail-2026",
    questionId: "heures",
    statistic: { kind: "mean" as const },
    filter: null,
    scale: 1,
    decimals: 0,
    template: "{value} h par semaine en moyenne",
    published: true,
  };
  return {
    list: [
      {
        id: "00000000-0000-4000-8000-0000000000b1",
        slug: "temps-de-travail-2026",
        title: "Temps de travail des internes",
        year: 2026,
        partners: ["ISNAR-IMG"],
        status: "closed" as const,
        anonymity: "anonymous" as const,
        sensitivity: "standard" as const,
        opensOn: "2025-11-03",
        closesOn: "2025-12-14",
        questions: 12,
        responses: 1234,
        synthetic: true,
        withheld: null,
      },
    ],
    figures: [
      {
        definition,
        value: 59,
        suppressed: false,
        sentence: "59 h par semaine en moyenne",
        provenance,
      },
      {
        definition: { ...definition, id: "rares", template: "{value} % font des gardes" },
        value: null,
        suppressed: true,
        sentence: null,
        provenance: { ...provenance, respondents: 4 },
      },
    ],
  };
}

export function sampleCounts(editionId: string, checkedInDijon = 12): LiveCounts {
  const bySubdivision = referenceSubdivisions().map((s, i) => ({
    subdivisionId: s.id,
    name: s.name,
    confirmed: s.slug === "dijon" ? 40 : 10 + (i % 7),
    waitlisted: i % 3,
    checkedIn: s.slug === "dijon" ? checkedInDijon : i % 5,
  }));
  const sum = (k: "confirmed" | "waitlisted" | "checkedIn") =>
    bySubdivision.reduce((n, s) => n + s[k], 0);
  return {
    editionId,
    at: "2026-01-22T09:42:00.000Z",
    capacity: 1000,
    totals: {
      confirmed: sum("confirmed"),
      waitlisted: sum("waitlisted"),
      cancelled: 0,
      checkedIn: sum("checkedIn"),
    },
    bySubdivision,
  };
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** Three dossiers, one per pillar, and one CA motion (made up for the tests). */
export function sampleDossiers(): NonNullable<DashboardData["dossiers"]> {
  const dossier = (
    n: number,
    pillar: "representer" | "defendre" | "informer",
    title: string,
    status: "watch" | "in_progress" | "mobilisation" | "won" | "closed",
    events: { date: string; label: string }[],
  ) => ({
    id: uuid(n),
    slug: `dossier-${n}`,
    title,
    pillar,
    status,
    summary: `Résumé presse de ${title}.`,
    body: [],
    partners: [],
    figureIds: [],
    position: 0,
    motionIds: [],
    events: events.map((e, i) => ({ ...e, id: uuid(100 + n * 10 + i) })),
  });
  return {
    list: [
      dossier(3, "informer", "Guide de l'internat", "closed", []),
      dossier(1, "representer", "Réforme du troisième cycle", "in_progress", [
        { date: "2023-10-13", label: "Grève des internes" },
        { date: "2024-02-01", label: "Rencontre au ministère" },
      ]),
      dossier(2, "defendre", "Temps de travail", "mobilisation", [
        { date: "2025-11-03", label: "Lancement de l'enquête" },
      ]),
    ],
    motions: [
      {
        id: uuid(50),
        meetingId: uuid(60),
        dossierId: uuid(2),
        title: "Motion sur le repos de sécurité",
        text: "…",
        rule: "simple",
        synthetic: true,
        meeting: {
          id: uuid(60),
          date: "2025-12-06",
          city: "Dijon",
          hostSubdivisionId: null,
          note: "",
        },
        result: {
          adopted: true,
          pour: 12,
          contre: 3,
          abstention: 1,
          absent: 0,
          cast: 15,
          required: 8,
          explanation: "Motion adoptée : 12 voix pour et 3 contre.",
        },
      },
    ],
  };
}

/**
 * A survey's collection as survey.collection gives it: Tours, Brest and Caen suppressed (null
 * counts: below the threshold or deducible, the dashboard cannot tell which).
 */
export function sampleCollection(surveyId: string, total = 1234): SurveyCollection {
  const hidden = new Set(["tours", "brest", "caen"]);
  const subdivisions = referenceSubdivisions();
  return {
    surveyId,
    threshold: 11,
    total,
    synthetic: true,
    withheld: null,
    bySubdivision: subdivisions.map((s, i) => ({
      subdivisionId: s.id,
      subdivision: s.name,
      responses: hidden.has(s.slug) ? null : 20 + i,
    })),
    byDay: [
      { day: "2026-01-21", responses: total - 30, cumulative: total - 30 },
      { day: "2026-01-22", responses: 30, cumulative: total },
    ],
    // Not shown by the dashboard.
    bySubdivisionOverTime: [],
  };
}

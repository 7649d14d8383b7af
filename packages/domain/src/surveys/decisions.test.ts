import { describe, expect, it } from "vitest";
import {
  decideImport,
  decideParking,
  decideResponse,
  decideResultQuery,
  decideResultsExport,
  decideSurveyReading,
} from "./decisions";
import { isLiveChangeShown } from "./disclosure";
import { buildQuestionResult, type ResultTally } from "./results";
import { Survey, yearOfTrainingQuestion } from "./survey";

const survey = Survey.parse({
  id: "00000000-0000-4000-8000-000000000001",
  slug: "flash",
  title: "Flash",
  year: 2026,
  opensOn: null,
  closesOn: null,
  status: "open",
  anonymity: "open_link",
  disclosureThreshold: 5,
  questions: [
    yearOfTrainingQuestion(),
    { id: "heures", type: "number", label: "Heures", unit: "h", min: 0, max: 168 },
    { id: "garde", type: "yes_no", label: "Gardes ?" },
    {
      id: "taches",
      type: "multiple",
      label: "Tâches",
      required: false,
      choices: [
        { value: "soin", label: "Soin" },
        { value: "admin", label: "Administratif" },
      ],
    },
    { id: "avis", type: "text", label: "Avis", required: false },
  ],
});
const health = { ...survey, sensitivity: "health" as const, status: "closed" as const };
const reasonOf = (decision: { ok: boolean; refusal?: { reason: string } }) =>
  decision.ok ? null : decision.refusal?.reason;

describe("answering a survey", () => {
  const answers = { annee: "4", heures: 50, garde: true };

  it("takes answers that fit an open survey; an open link spends no token", () => {
    expect(decideResponse(survey, { answers, token: "inutile" })).toEqual({
      ok: true,
      answers,
      token: null,
    });
    const invitation = { ...survey, anonymity: "anonymous" as const };
    expect(decideResponse(invitation, { answers, token: "jeton" })).toMatchObject({
      ok: true,
      token: "jeton",
    });
  });

  it("refuses a closed survey as if it did not exist, a missing token, and bad answers", () => {
    expect(decideResponse({ ...survey, status: "closed" }, { answers, token: null })).toEqual({
      ok: false,
      refusal: {
        reason: "survey_not_open",
        code: "not_found",
        message: "Enquête introuvable ou close.",
      },
    });
    const invitation = { ...survey, anonymity: "anonymous" as const };
    expect(decideResponse(invitation, { answers, token: null })).toMatchObject({
      ok: false,
      refusal: { code: "forbidden", reason: "survey_token_required" },
    });
    expect(decideResponse(survey, { answers: { ...answers, heures: 200 }, token: null })).toEqual({
      ok: false,
      refusal: {
        reason: "survey_answers_invalid",
        code: "invalid",
        message: "La réponse comporte des erreurs : rien n'a été enregistré.",
        fieldErrors: { heures: ["La valeur doit être comprise entre 0 et 168 h."] },
      },
    });
  });

  it("turns what parking found into refusals", () => {
    expect(decideParking("parked")).toEqual({ ok: true });
    expect(reasonOf(decideParking("survey_not_open"))).toBe("survey_not_open");
    expect(decideParking("token_spent")).toMatchObject({
      ok: false,
      refusal: {
        code: "forbidden",
        message: "Ce lien de réponse n'est pas valable ou a déjà servi.",
      },
    });
  });
});

describe("reading results", () => {
  it("hides unpublished surveys from the press only", () => {
    expect(reasonOf(decideSurveyReading("press", survey))).toBe("survey_not_found");
    expect(decideSurveyReading("press", { status: "published" })).toEqual({ ok: true });
    expect(decideSurveyReading("organiser", survey)).toEqual({ ok: true });
  });

  it("keeps health breakdowns and free text for admin and bureau, then checks the query", () => {
    const query = (questionId: string, groupBy: string | null = null) => ({ questionId, groupBy });
    expect(reasonOf(decideResultQuery(health, query("garde", "annee"), "organiser"))).toBe(
      "health_breakdown",
    );
    expect(reasonOf(decideResultQuery(health, query("avis"), "organiser"))).toBe(
      "health_free_text",
    );
    expect(decideResultQuery(health, query("garde", "annee"), "bureau")).toMatchObject({
      ok: true,
      question: { id: "garde" },
      group: { id: "annee" },
    });
    expect(reasonOf(decideResultQuery(survey, query("inconnue"), "organiser"))).toBe(
      "unknown_question",
    );
    expect(reasonOf(decideResultQuery(survey, query("garde", "heures"), "organiser"))).toBe(
      "bad_breakdown",
    );
    expect(reasonOf(decideResultQuery(survey, query("garde", "garde"), "organiser"))).toBe(
      "self_breakdown",
    );
  });

  it("exports nothing of withheld results, and says why", () => {
    expect(decideResultsExport({ ...health, status: "open" }, null, "bureau", 12)).toEqual({
      ok: false,
      refusal: {
        reason: "results_withheld",
        code: "forbidden",
        message:
          "Résultats masqués tant que l'enquête est ouverte : données de santé. 10 réponses reçues (par paliers de 5).",
      },
    });
    expect(decideResultsExport(health, "annee", "bureau", 12)).toMatchObject({
      ok: true,
      group: { id: "annee" },
    });
  });

  it("tells live readers of withheld results of new steps only", () => {
    const step = (received: number) => ({ reason: "sensitive_open" as const, received, step: 5 });
    expect(isLiveChangeShown(step(5), step(5))).toBe(false);
    expect(isLiveChangeShown(step(5), step(10))).toBe(true);
    expect(isLiveChangeShown(step(5), null)).toBe(true);
    expect(isLiveChangeShown(null, null)).toBe(true);
  });
});

describe("results from the database's counts", () => {
  const tally = (key: string | null, n: number, choices: Record<string, number> = {}) =>
    ({ key, n, stats: null, choices: new Map(Object.entries(choices)) }) satisfies ResultTally;
  const question = (id: string) => {
    const q = survey.questions.find((x) => x.id === id);
    if (!q) throw new Error(id);
    return q;
  };

  it("suppresses small groups and the smallest others, all alike", () => {
    const result = buildQuestionResult({
      survey,
      question: question("garde"),
      group: question("annee"),
      withheld: null,
      overall: tally(null, 40, { yes: 30, no: 10 }),
      groups: [tally("1", 2, { yes: 2 }), tally("2", 6, { yes: 3, no: 3 }), tally("3", 32)],
    });
    expect(result.overall).toMatchObject({
      n: 40,
      choices: [
        { choice: "yes", label: "Oui", n: 30, share: 0.75 },
        { choice: "no", label: "Non", n: 10, share: 0.25 },
      ],
    });
    // Year 1 (2) is under 5 and alone hidden, so year 2 goes too. Year 4 is empty: nobody's
    // answers are in it, it shows 0.
    const suppressed = { suppressed: true, n: null, stats: null, choices: null, texts: null };
    expect(result.groups.map((g) => [g.key, g.suppressed])).toEqual([
      ["1", true],
      ["2", true],
      ["3", false],
      ["4", false],
    ]);
    expect(result.groups[3]).toMatchObject({ n: 0 });
    for (const g of result.groups.filter((x) => x.suppressed)) expect(g).toMatchObject(suppressed);
  });

  it("hides a rare answer's count, alone for multiple choices, with its complement otherwise", () => {
    const single = buildQuestionResult({
      survey,
      question: question("garde"),
      group: null,
      withheld: null,
      overall: tally(null, 20, { yes: 17, no: 3 }),
    });
    expect(single.overall.choices?.map((c) => c.n)).toEqual([null, null]);
    const multiple = buildQuestionResult({
      survey,
      question: question("taches"),
      group: null,
      withheld: null,
      overall: tally(null, 20, { soin: 17, admin: 3 }),
    });
    expect(multiple.overall.choices?.map((c) => c.n)).toEqual([17, null]);
  });

  it("shows free text from ten answers, and nothing but the step while withheld", () => {
    const texts = Array.from({ length: 10 }, (_, i) => ({ id: `${i}`, text: `avis ${9 - i}` }));
    const avis = buildQuestionResult({
      survey,
      question: question("avis"),
      group: null,
      withheld: null,
      overall: tally(null, 10),
      texts,
    });
    expect(avis.overall.texts?.map((t) => t.text)[0]).toBe("avis 0");
    const withheld = { reason: "sensitive_open" as const, received: 10, step: 5 };
    expect(
      buildQuestionResult({ survey, question: question("avis"), group: null, withheld }),
    ).toMatchObject({
      withheld,
      overall: { key: null, label: "Ensemble", suppressed: true, texts: null },
      groups: [],
    });
  });
});

describe("importing responses", () => {
  it("refuses a file with errors, counting its lines in correct French", () => {
    expect(decideImport([])).toEqual({ ok: true });
    // Two errors on one line: one line to correct, in the singular.
    expect(decideImport([{ line: 4 }, { line: 4 }])).toMatchObject({
      ok: false,
      refusal: {
        reason: "survey_import_errors",
        message: "1 ligne en erreur : corrigez le fichier, rien n'a été importé.",
      },
    });
    expect(decideImport([{ line: 4 }, { line: 7 }])).toMatchObject({
      refusal: { message: "2 lignes en erreur : corrigez le fichier, rien n'a été importé." },
    });
  });
});

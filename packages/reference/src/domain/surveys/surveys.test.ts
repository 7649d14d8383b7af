import {
  coarsenToDay,
  computeStatistic,
  discloseFreeText,
  discloseGroups,
  effectiveThreshold,
  finishKeyFigure,
  KeyFigureDefinition,
  parseResponse,
  quantile,
  renderSentence,
  roundTo,
  Survey,
  SurveyInput,
  suppressedKeys,
  validateResponse,
  yearOfTrainingQuestion,
} from "@tribune/domain/surveys";
import { describe, expect, it } from "vitest";
import { KEY_FIGURES_2026, referenceSurveys2026 } from "../../surveys2026";

const survey = Survey.parse({
  id: "00000050-0000-4000-8000-0000000000ff",
  slug: "essai",
  title: "Essai",
  year: 2026,
  opensOn: null,
  closesOn: null,
  questions: [
    { id: "heures", type: "number", label: "Heures", unit: "heures par semaine", min: 0, max: 168 },
    {
      id: "stage",
      type: "single",
      label: "Stage",
      choices: [
        { value: "hopital", label: "Hôpital" },
        { value: "ambu", label: "Ambulatoire" },
      ],
    },
    {
      id: "modes",
      type: "multiple",
      required: false,
      label: "Modes",
      choices: [
        { value: "msp", label: "MSP" },
        { value: "seul", label: "Seul" },
      ],
    },
    { id: "repos", type: "yes_no", label: "Repos ?" },
    { id: "soutien", type: "likert", label: "Soutien", points: 5, required: false },
    { id: "texte", type: "text", label: "Commentaire", required: false, maxLength: 20 },
    yearOfTrainingQuestion(),
  ],
});
const good = { heures: 59, stage: "ambu", repos: true, annee: "2" };

describe("survey schema", () => {
  it("applies the defaults: threshold 11, anonymous, draft", () => {
    expect(survey.disclosureThreshold).toBe(11);
    expect(survey.anonymity).toBe("anonymous");
    expect(survey.status).toBe("draft");
  });
  it("refuses a threshold under 5, duplicate codes and inverted bounds", () => {
    const base = {
      slug: "x",
      title: "X",
      year: null,
      opensOn: null,
      closesOn: null,
      questions: [],
    };
    expect(SurveyInput.safeParse({ ...base, disclosureThreshold: 4 }).success).toBe(false);
    const dup = { id: "a", type: "yes_no", label: "A" } as const;
    expect(SurveyInput.safeParse({ ...base, questions: [dup, dup] }).success).toBe(false);
    const bad = { id: "n", type: "number", label: "N", unit: "", min: 5, max: 1 } as const;
    expect(SurveyInput.safeParse({ ...base, questions: [bad] }).success).toBe(false);
    expect(effectiveThreshold(2)).toBe(5);
    expect(effectiveThreshold(undefined)).toBe(11);
  });
});

describe("response validation", () => {
  const errorsOf = (raw: Record<string, unknown>) => {
    const r = validateResponse(survey, raw);
    return r.ok ? {} : Object.fromEntries(r.errors.map((e) => [e.questionId, e.message]));
  };
  it("accepts a valid response and normalises it", () => {
    const r = validateResponse(survey, {
      ...good,
      modes: ["seul", "msp"],
      texte: "  bien ",
      soutien: null,
    });
    expect(r).toEqual({
      ok: true,
      answers: { ...good, modes: ["msp", "seul"], texte: "bien" },
    });
  });
  it("number: out of bounds and not a number", () => {
    expect(errorsOf({ ...good, heures: 200 }).heures).toBe(
      "La valeur doit être comprise entre 0 et 168 heures par semaine.",
    );
    expect(errorsOf({ ...good, heures: "beaucoup" }).heures).toBe("Saisissez un nombre.");
  });
  it("single and multiple choice: unknown choice", () => {
    expect(errorsOf({ ...good, stage: "clinique" }).stage).toBe(
      "Réponse inconnue pour cette question.",
    );
    expect(errorsOf({ ...good, modes: ["msp", "x"] }).modes).toBe(
      "Réponse inconnue pour cette question.",
    );
    expect(errorsOf({ ...good, modes: ["msp", "msp"] }).modes).toBe(
      "Une réponse est cochée deux fois.",
    );
  });
  it("yes/no, Likert, free text", () => {
    expect(errorsOf({ ...good, repos: "oui" }).repos).toBe("Répondez par oui ou par non.");
    expect(errorsOf({ ...good, soutien: 6 }).soutien).toBe("Choisissez une valeur de 1 à 5.");
    expect(errorsOf({ ...good, texte: "x".repeat(21) }).texte).toBe("20 caractères au plus.");
  });
  it("missing required answers and unknown questions, all reported at once", () => {
    const errors = errorsOf({ stage: "", intrus: 1 });
    expect(errors).toEqual({
      heures: "Cette question est obligatoire.",
      stage: "Cette question est obligatoire.",
      repos: "Cette question est obligatoire.",
      annee: "Cette question est obligatoire.",
      intrus: "Question inconnue dans ce questionnaire.",
    });
  });
  it("parseResponse throws an invalid DomainError with per-question details", () => {
    expect(() => parseResponse(survey, { ...good, heures: -1 })).toThrow(
      expect.objectContaining({
        code: "invalid",
        details: { fieldErrors: expect.objectContaining({ heures: [expect.any(String)] }) },
      }),
    );
  });
  it("coarsens instants to the day", () => {
    expect(coarsenToDay(new Date("2026-01-22T13:47:12.345Z"))).toBe("2026-01-22");
  });
  it("files an answer under its day in Paris, not in UTC", () => {
    // 00:30 in Paris is still the previous day in UTC, in winter (UTC+1) and summer (UTC+2).
    expect(coarsenToDay(new Date("2026-03-01T23:30:00Z"))).toBe("2026-03-02");
    expect(coarsenToDay(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(coarsenToDay(new Date("2026-03-01T22:59:59Z"))).toBe("2026-03-01");
  });
});

describe("disclosure control", () => {
  it("suppresses groups under the threshold (primary)", () => {
    const hidden = suppressedKeys(
      [
        { key: "a", n: 40 },
        { key: "b", n: 3 },
        { key: "c", n: 8 },
        { key: "d", n: 30 },
      ],
      11,
    );
    expect([...hidden].sort()).toEqual(["b", "c"]);
  });
  it("adds a complementary group when one group alone is hidden (secondary)", () => {
    const groups = [
      { key: "a", n: 40 },
      { key: "b", n: 3 },
      { key: "c", n: 25 },
      { key: "d", n: 30 },
    ];
    const hidden = suppressedKeys(groups, 11);
    expect([...hidden].sort()).toEqual(["b", "c"]);
    // The total minus the visible groups is 28, not 3: "b" cannot be recovered.
    const total = groups.reduce((s, g) => s + g.n, 0);
    const visible = groups.filter((g) => !hidden.has(g.key)).reduce((s, g) => s + g.n, 0);
    expect(total - visible).toBeGreaterThanOrEqual(11);
  });
  it("keeps hiding while the hidden groups add up to less than the threshold", () => {
    const hidden = suppressedKeys(
      [
        { key: "a", n: 1 },
        { key: "b", n: 2 },
        { key: "c", n: 50 },
        { key: "d", n: 12 },
      ],
      11,
    );
    expect([...hidden].sort()).toEqual(["a", "b", "d"]);
  });
  it("hides everything when the total is under the threshold, empty groups included", () => {
    expect(
      suppressedKeys(
        [
          { key: "a", n: 4 },
          { key: "b", n: 5 },
        ],
        11,
      ).size,
    ).toBe(2);
    expect(
      suppressedKeys(
        [
          { key: "a", n: 0 },
          { key: "b", n: 3 },
        ],
        11,
      ),
    ).toEqual(new Set(["a", "b"]));
  });
  it("shows an empty group as 0 once the total reaches the threshold: nobody is in it", () => {
    const groups = [
      { key: "a", n: 0 },
      { key: "b", n: 20 },
      { key: "c", n: 20 },
    ];
    expect(suppressedKeys(groups, 11).size).toBe(0);
    // 1 to 4 stays a secret, and an empty group is never the complementary one.
    const small = [
      { key: "zero", n: 0 },
      { key: "one", n: 1 },
      { key: "big", n: 30 },
      { key: "mid", n: 12 },
    ];
    const hidden = suppressedKeys(small, 11);
    expect([...hidden].sort()).toEqual(["mid", "one"]);
    const visible = small.filter((g) => !hidden.has(g.key)).reduce((s, g) => s + g.n, 0);
    expect(43 - visible).toBeGreaterThanOrEqual(11);
  });
  it("never uses a threshold under 5", () => {
    expect(
      suppressedKeys(
        [
          { key: "a", n: 4 },
          { key: "b", n: 4 },
          { key: "c", n: 50 },
        ],
        1,
      ).size,
    ).toBe(2);
  });
  it("a suppressed group looks the same whatever its size", () => {
    const out = discloseGroups(
      [
        { key: "a", n: 1, mean: 80 },
        { key: "b", n: 10, mean: 40 },
        { key: "c", n: 60, mean: 59 },
        { key: "d", n: 60, mean: 58 },
      ],
      11,
    );
    expect(out[0]).toEqual({ key: "a", suppressed: true });
    expect(out[1]).toEqual({ key: "b", suppressed: true });
    expect(out[2]).toEqual({ key: "c", suppressed: false, n: 60, mean: 59 });
  });
  it("shows free text only from ten answers, in an order that says nothing of their arrival", () => {
    const answers = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `${n - i}`, text: i % 2 ? "b" : "a" }));
    expect(discloseFreeText(answers(9))).toBeNull();
    expect(discloseFreeText(answers(10))?.map((a) => a.text)).toEqual([
      ...Array(5).fill("a"),
      ...Array(5).fill("b"),
    ]);
  });
});

describe("statistics and key figures", () => {
  it("computes mean, median, quantiles and shares", () => {
    const xs = [10, 20, 30, 90, null];
    expect(computeStatistic({ kind: "mean" }, xs)).toBe(37.5);
    expect(computeStatistic({ kind: "median" }, xs)).toBe(25);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(computeStatistic({ kind: "share_above", threshold: 80, inclusive: false }, xs)).toBe(
      0.25,
    );
    expect(computeStatistic({ kind: "share_below", threshold: 20, inclusive: true }, xs)).toBe(0.5);
    expect(
      computeStatistic({ kind: "share_choice", choices: ["yes"] }, [true, false, true, true]),
    ).toBe(0.75);
  });
  it("rounds, scales and writes the French sentence", () => {
    expect(roundTo(89.4000001, 1)).toBe(89.4);
    expect(renderSentence("{value} % préfèrent", 89.4, 1)).toBe("89,4 % préfèrent");
    const def = KeyFigureDefinition.parse({
      id: "x",
      surveySlug: "s",
      questionId: "q",
      statistic: { kind: "share_choice", choices: ["yes"] },
      scale: 100,
      template: "{value} % oui",
    });
    const prov = {
      surveySlug: "s",
      survey: "S",
      partners: [],
      year: 2024,
      from: null,
      to: null,
      synthetic: false,
    };
    expect(finishKeyFigure(def, 0.4321, { ...prov, respondents: 100 }).sentence).toBe("43 % oui");
    const small = finishKeyFigure(def, 0.5, { ...prov, respondents: 10 });
    expect(small).toMatchObject({ value: null, suppressed: true, sentence: null });
  });
});

describe("reference surveys 2026", () => {
  const surveys = referenceSurveys2026();
  it("are deterministic and every synthetic response is valid", () => {
    expect(JSON.stringify(referenceSurveys2026())).toBe(JSON.stringify(surveys));
    for (const { survey: s, responses } of surveys) {
      for (const r of responses) expect(validateResponse(s, r.answers)).toMatchObject({ ok: true });
    }
  });
  it("reproduce the published figures when computed in memory", () => {
    const values = Object.fromEntries(
      KEY_FIGURES_2026.map((input) => {
        const def = KeyFigureDefinition.parse(input);
        const ref = surveys.find((s) => s.survey.slug === def.surveySlug);
        const rows = (ref?.responses ?? []).filter(
          (r) =>
            !def.filter || def.filter.choices.includes(String(r.answers[def.filter.questionId])),
        );
        const raw = computeStatistic(
          def.statistic,
          rows.map((r) => r.answers[def.questionId]),
        );
        return [def.id, raw === null ? null : roundTo(raw * def.scale, def.decimals)];
      }),
    );
    expect(values).toEqual({
      "tt-moyenne": 59,
      "tt-plus-80h": 10,
      "tt-extra-medical": 41,
      "tt-repos-demi-garde": 43,
      "tt-repos-astreinte": 25,
      "tt-tableaux-service": 44,
      "sm-anxiete": expect.any(Number),
      "sm-burn-out": 66,
      "sm-idees-suicidaires": 21,
      "sm-jamais-arret": 3,
      "dix-retrocession": 89.4,
      "dix-ambulatoire": 84,
    });
    expect(values["sm-anxiete"]).toBeGreaterThan(50);
  });
});

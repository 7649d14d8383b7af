import { describe, expect, it } from "vitest";
import { buildCollection } from "./collection";
import {
  canReadFreeText,
  coarsenCount,
  resultsVisibility,
  withheldNotice,
  withheldResults,
} from "./disclosure";
import { finishKeyFigure, KeyFigureDefinition } from "./keyFigure";
import type { SurveyStatus } from "./survey";

const health = (status: SurveyStatus) =>
  ({ status, sensitivity: "health", disclosureThreshold: 5 }) as const;

describe("results of a sensitive survey while it collects", () => {
  it("are withheld until the survey is closed, counted in steps of the threshold", () => {
    expect(resultsVisibility(health("open"))).toEqual({ shown: false, step: 5 });
    expect(resultsVisibility(health("draft"))).toEqual({ shown: false, step: 5 });
    expect(resultsVisibility(health("closed"))).toEqual({ shown: true });
    expect(resultsVisibility(health("published"))).toEqual({ shown: true });
    expect(resultsVisibility({ ...health("open"), sensitivity: "standard" })).toEqual({
      shown: true,
    });
    // Never below the floor, whatever is stored.
    expect(resultsVisibility({ ...health("open"), disclosureThreshold: 2 })).toEqual({
      shown: false,
      step: 5,
    });
  });

  it("give the same count for k responses in a row", () => {
    expect([0, 1, 4, 5, 6, 9, 10, 14, 40, 44].map((n) => coarsenCount(n, 5))).toEqual([
      0, 0, 0, 5, 5, 5, 10, 10, 40, 40,
    ]);
    expect(() => coarsenCount(3, 0)).toThrow(RangeError);
  });

  it("say so in French", () => {
    const withheld = withheldResults(health("open"), 43);
    expect(withheld).toEqual({ reason: "sensitive_open", received: 40, step: 5 });
    expect(withheld && withheldNotice(withheld)).toBe(
      "Résultats masqués tant que l'enquête est ouverte : données de santé. 40 réponses reçues (par paliers de 5).",
    );
    expect(withheldNotice({ reason: "sensitive_open", received: 0, step: 5 })).toContain(
      "0 réponse reçue (par paliers de 5)",
    );
  });

  it("keep free text of a health survey for admin and bureau", () => {
    expect(canReadFreeText({ sensitivity: "health" }, "bureau")).toBe(true);
    expect(canReadFreeText({ sensitivity: "health" }, "admin")).toBe(true);
    expect(canReadFreeText({ sensitivity: "health" }, "organiser")).toBe(false);
    expect(canReadFreeText({ sensitivity: "standard" }, "organiser")).toBe(true);
  });

  it("show progress only in the collection: steps per day, no subdivision", () => {
    const survey: Parameters<typeof buildCollection>[0]["survey"] = {
      id: "6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
      ...health("open"),
      questions: [
        {
          id: "subdivision",
          label: "Subdivision",
          help: "",
          required: true,
          type: "single",
          profile: "subdivision",
          choices: [
            { value: "a", label: "A" },
            { value: "b", label: "B" },
          ],
        },
      ],
    };
    const collect = (s: typeof survey) =>
      buildCollection({
        survey: s,
        subdivisions: [
          { id: "00000000-0000-4000-8000-000000000001", slug: "a" },
          { id: "00000000-0000-4000-8000-000000000002", slug: "b" },
        ],
        subdivisionCounts: [
          { key: "a", n: 9 },
          { key: "b", n: 4 },
          { key: null, n: 1 },
        ],
        subdivisionDayCounts: [],
        dayCounts: [
          { day: "2026-03-01", n: 3 },
          { day: "2026-03-02", n: 4 },
          { day: "2026-03-03", n: 1 },
          { day: "2026-03-04", n: 6 },
        ],
        synthetic: false,
      });
    const c = collect(survey);
    expect(c).toEqual({
      surveyId: survey.id,
      threshold: 5,
      total: 10,
      synthetic: false,
      withheld: { reason: "sensitive_open", received: 10, step: 5 },
      // "No answer" is an answer too: not even its row.
      bySubdivision: [
        {
          subdivisionId: "00000000-0000-4000-8000-000000000001",
          subdivision: "A",
          responses: null,
        },
        {
          subdivisionId: "00000000-0000-4000-8000-000000000002",
          subdivision: "B",
          responses: null,
        },
      ],
      // 3, 7, 8, 14 → steps 0, 5, 5, 10: only the days a step was reached.
      byDay: [
        { day: "2026-03-02", responses: 5, cumulative: 5 },
        { day: "2026-03-04", responses: 5, cumulative: 10 },
      ],
      bySubdivisionOverTime: [],
    });
    // Closed: everything as usual, exact.
    const closed = collect({ ...survey, status: "closed" });
    expect(closed.withheld).toBeNull();
    expect(closed.total).toBe(14);
    expect(closed.bySubdivision.map((s) => s.responses)).toEqual([9, null, null]);
  });

  it("give no key figure, only the respondents in steps", () => {
    const definition = KeyFigureDefinition.parse({
      id: "sm-idees",
      surveySlug: "sm",
      questionId: "idees",
      statistic: { kind: "share_choice", choices: ["yes"] },
      scale: 100,
      template: "{value} % ont eu des idées suicidaires",
    });
    const provenance = {
      surveySlug: "sm",
      survey: "Santé mentale",
      partners: [],
      year: 2026,
      respondents: 14,
      from: "2026-03-01",
      to: "2026-03-04",
      synthetic: false,
    };
    const open = finishKeyFigure(definition, 6 / 14, provenance, 5, health("open"));
    expect(open).toMatchObject({ value: null, suppressed: true, sentence: null });
    expect(open.provenance).toMatchObject({ respondents: 10, from: null, to: null });
    expect(finishKeyFigure(definition, 6 / 14, provenance, 5, health("closed")).value).toBe(43);
  });
});

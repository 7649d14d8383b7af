import { describe, expect, it } from "vitest";
import {
  decideStatusChange,
  keyFigureRefusal,
  statusChangeRefusal,
  surveyEditRefusal,
} from "./builder";
import { KeyFigureDefinition } from "./keyFigure";
import { Survey, yearOfTrainingQuestion } from "./survey";

const survey = Survey.parse({
  id: "00000000-0000-4000-8000-000000000001",
  slug: "flash",
  title: "Flash",
  year: 2026,
  opensOn: null,
  closesOn: null,
  status: "open",
  questions: [
    yearOfTrainingQuestion(),
    { id: "heures", type: "number", label: "Heures", unit: "h", min: 0, max: 168 },
    { id: "avis", type: "text", label: "Avis", required: false },
  ],
});
const { id: _id, status: _status, ...draft } = survey;

describe("survey status moves", () => {
  it("goes forward one step at a time, and back only where nothing is lost", () => {
    expect(statusChangeRefusal({ ...survey, status: "draft" }, "open", 0)).toBeNull();
    expect(statusChangeRefusal({ ...survey, status: "draft" }, "published", 0)).toBe(
      "Une enquête « brouillon » ne peut pas passer à « publiée ».",
    );
    expect(statusChangeRefusal({ ...survey, status: "draft", questions: [] }, "open", 0)).toBe(
      "Ajoutez au moins une question avant d'ouvrir la collecte.",
    );
    expect(statusChangeRefusal(survey, "draft", 0)).toBeNull();
    expect(statusChangeRefusal(survey, "draft", 3)).toMatch(/ne peut plus redevenir un brouillon/);
    expect(statusChangeRefusal({ ...survey, status: "closed" }, "published", 0)).toMatch(
      /Aucune réponse/,
    );
    expect(statusChangeRefusal({ ...survey, status: "published" }, "closed", 12)).toBeNull();
  });
  it("never reopens a closed health survey that received answers", () => {
    const health = { ...survey, status: "closed" as const, sensitivity: "health" as const };
    expect(decideStatusChange(health, "open", 0)).toEqual({ ok: true, mix: false });
    expect(decideStatusChange(health, "open", 1)).toMatchObject({
      ok: false,
      refusal: { reason: "health_survey_reopen", code: "locked" },
    });
    expect(statusChangeRefusal(health, "open", 1)).toMatch(/ne peut pas être rouverte/);
    // Closing it again (or publishing) stays allowed, and mixes what waits in the pool.
    expect(decideStatusChange(health, "published", 1)).toEqual({ ok: true, mix: true });
    expect(decideStatusChange({ ...health, sensitivity: "standard" }, "open", 1)).toEqual({
      ok: true,
      mix: false,
    });
  });
});

describe("survey edits", () => {
  it("locks the questions and the anonymity mode once answered, and the link once opened", () => {
    const reordered = { ...draft, questions: [...draft.questions].reverse() };
    expect(surveyEditRefusal(survey, reordered, 0)).toBeNull();
    expect(surveyEditRefusal(survey, reordered, 1)).toMatch(/questions ne peuvent plus/);
    expect(surveyEditRefusal(survey, { ...draft, title: "Flash (relance)" }, 1)).toBeNull();
    expect(surveyEditRefusal(survey, { ...draft, anonymity: "open_link" }, 1)).toMatch(/anonymat/);
    expect(surveyEditRefusal(survey, { ...draft, slug: "autre" }, 0)).toMatch(/identifiant/);
    expect(
      surveyEditRefusal({ ...survey, status: "draft" }, { ...draft, slug: "autre" }, 0),
    ).toBeNull();
  });
});

describe("key figure definitions", () => {
  const figure = (over: object) =>
    KeyFigureDefinition.parse({
      id: "f",
      surveySlug: "flash",
      questionId: "heures",
      statistic: { kind: "mean" },
      template: "{value} h",
      ...over,
    });
  it("fit the question they read", () => {
    expect(keyFigureRefusal(survey, figure({}))).toBeNull();
    expect(keyFigureRefusal(survey, figure({ questionId: "avis" }))).toMatch(/question libre/);
    expect(
      keyFigureRefusal(
        survey,
        figure({ questionId: "annee", statistic: { kind: "share_choice", choices: ["4", "5"] } }),
      ),
    ).toBe("Réponse inconnue pour cette question : 5.");
    expect(keyFigureRefusal(survey, figure({ questionId: "annee" }))).toMatch(/numérique/);
    expect(keyFigureRefusal(survey, figure({ questionId: "inconnue" }))).toMatch(/n'existe pas/);
  });
});

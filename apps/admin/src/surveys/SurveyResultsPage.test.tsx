import { screen } from "@testing-library/react";
import { type QuestionResult, referenceSurveys2026 } from "@tribune/domain";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { renderWithApi } from "../catalog/testing";
import SurveyResultsPage from "./SurveyResultsPage";

const survey = referenceSurveys2026()[0]?.survey;
if (!survey) throw new Error("no reference survey");

const hidden = (key: string, label: string) => ({
  key,
  label,
  suppressed: true,
  n: null,
  stats: null,
  choices: null,
  texts: null,
});
const result: QuestionResult = {
  surveyId: survey.id,
  questionId: "heures_semaine",
  questionLabel: "Heures par semaine",
  questionType: "number",
  threshold: 11,
  groupBy: "subdivision",
  overall: {
    key: null,
    label: "Ensemble",
    suppressed: false,
    n: 1000,
    stats: { mean: 59, median: 58, q1: 50, q3: 66 },
    choices: null,
    texts: null,
  },
  groups: [
    {
      key: "lille",
      label: "Lille",
      suppressed: false,
      n: 60,
      stats: { mean: 61.5, median: 60, q1: 52, q3: 70 },
      choices: null,
      texts: null,
    },
    hidden("brest", "Brest"),
    hidden("caen", "Caen"),
  ],
};

describe("SurveyResultsPage", () => {
  it("shows suppressed groups alike, without any count", async () => {
    renderWithApi(
      <Routes>
        <Route path="/enquetes/:id" element={<SurveyResultsPage />} />
      </Routes>,
      {
        route: `/enquetes/${survey.id}`,
        handlers: { "survey.get": () => survey, "survey.results": () => result },
      },
    );
    expect(await screen.findByText(/moyenne 59/)).toBeTruthy();
    expect(screen.getByText(/moyenne 61,5/)).toBeTruthy();
    const masked = screen.getAllByText("Masqué : effectif inférieur au seuil de confidentialité");
    expect(masked).toHaveLength(2);
  });
});

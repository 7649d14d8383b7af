import { screen } from "@testing-library/react";
import type { SurveyCollection } from "@tribune/domain/surveys";
import { referenceSurveys2026 } from "@tribune/reference";
import { Route, Routes } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { renderWithApi } from "../../../testing/api";
import SurveyCollectionPage from "./SurveyCollectionPage";

// The fake API answers over HTTP only: the live stream is left out.
vi.mock("@trpc/tanstack-react-query", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@trpc/tanstack-react-query")>()),
  useSubscription: () => undefined,
}));

const survey = referenceSurveys2026()[1]?.survey;
if (!survey) throw new Error("no reference health survey");

describe("SurveyCollectionPage of a health survey still collecting", () => {
  it("shows progress in steps and why, no count per subdivision", async () => {
    const collection: SurveyCollection = {
      surveyId: survey.id,
      threshold: 5,
      total: 40,
      synthetic: false,
      withheld: { reason: "sensitive_open", received: 40, step: 5 },
      bySubdivision: [
        { subdivisionId: null, subdivision: "Dijon", responses: null },
        { subdivisionId: null, subdivision: "Lille", responses: null },
      ],
      byDay: [
        { day: "2026-03-02", responses: 35, cumulative: 35 },
        { day: "2026-03-04", responses: 5, cumulative: 40 },
      ],
      bySubdivisionOverTime: [],
    };
    renderWithApi(
      <Routes>
        <Route path="/enquetes/:id/collecte" element={<SurveyCollectionPage />} />
      </Routes>,
      {
        route: `/enquetes/${survey.id}/collecte`,
        handlers: {
          "survey.get": () => ({ ...survey, status: "open" }),
          "survey.collection": () => collection,
        },
      },
    );
    expect((await screen.findByTestId("collection-withheld")).textContent).toBe(
      "Résultats masqués tant que l'enquête est ouverte : données de santé. 40 réponses reçues (par paliers de 5).",
    );
    expect(screen.getByText(/Pas de décompte par subdivision/)).toBeTruthy();
    expect(screen.queryByText("Dijon")).toBeNull();
    expect(screen.queryByText("masqué")).toBeNull();
  });
});

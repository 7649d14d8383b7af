import { screen, waitFor, within } from "@testing-library/react";
import type { Role } from "@tribune/domain/auth";
import type { QuestionResult } from "@tribune/domain/surveys";
import { referenceSurveys2026 } from "@tribune/reference";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { renderWithApi } from "../../../testing/api";
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
  withheld: null,
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
    expect(screen.queryByTestId("results-small")).toBeNull();
  });

  it("says why, instead of an empty chart, when a small survey hides every answer", async () => {
    const small: QuestionResult = {
      ...result,
      questionId: "garde",
      questionLabel: "Gardes payées ?",
      questionType: "yes_no",
      groupBy: null,
      groups: [],
      overall: {
        key: null,
        label: "Ensemble",
        suppressed: false,
        n: 8,
        stats: null,
        texts: null,
        choices: [
          { choice: "yes", label: "Oui", n: null, share: null },
          { choice: "no", label: "Non", n: null, share: null },
          { choice: "na", label: "Sans objet", n: 0, share: 0 },
        ],
      },
    };
    const { container } = renderWithApi(
      <Routes>
        <Route path="/enquetes/:id" element={<SurveyResultsPage />} />
      </Routes>,
      {
        route: `/enquetes/${survey.id}`,
        handlers: {
          "survey.get": () => ({ ...survey, disclosureThreshold: 5 }),
          "survey.results": () => small,
        },
      },
    );
    expect((await screen.findByTestId("results-small")).textContent).toMatch(
      /^Moins de 5 réponses : résultats masqués\./,
    );
    expect(container.querySelector(".chart")).toBeNull();
  });
});

describe("SurveyResultsPage for a health survey", () => {
  const health = referenceSurveys2026()[1]?.survey;
  if (!health) throw new Error("no reference health survey");
  const me = (role: Role) => ({
    id: "00000000-0000-4000-8000-000000000009",
    email: `${role}@tribune.test`,
    displayName: "",
    role,
    subdivisionId: null,
  });
  const render = (role: Role, answer: QuestionResult) =>
    renderWithApi(
      <Routes>
        <Route path="/enquetes/:id" element={<SurveyResultsPage />} />
      </Routes>,
      {
        route: `/enquetes/${health.id}`,
        handlers: {
          "auth.me": () => me(role),
          "survey.get": () => ({ ...health, status: "open" }),
          "survey.results": () => answer,
          "survey.hideFreeText": () => ({ ok: true }),
        },
      },
    );
  const base = (questionId: string, questionType: string) => ({
    surveyId: health.id,
    questionId,
    questionLabel: "Avez-vous eu des idées suicidaires ?",
    questionType,
    threshold: 11,
    groupBy: null,
    groups: [],
  });

  it("explains, in place of charts, that results wait for the survey to close", async () => {
    render("organiser", {
      ...base("idees_suicidaires", "yes_no"),
      withheld: { reason: "sensitive_open", received: 40, step: 5 },
      overall: { ...hidden("", "Ensemble"), key: null },
    });
    expect((await screen.findByTestId("results-withheld")).textContent).toBe(
      "Résultats masqués tant que l'enquête est ouverte : données de santé. 40 réponses reçues (par paliers de 5).",
    );
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByText(/Masqué : effectif/)).toBeNull();
    expect(
      (screen.getByRole("button", { name: /Exporter les résultats/ }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it("lets the bureau hide a free-text answer, after confirming", async () => {
    const texts = Array.from({ length: 10 }, (_, i) => ({
      id: `${i}`.padStart(64, "a"),
      text: i === 3 ? "Je suis Jeanne Martin, interne à Dijon" : `Réponse ${i}`,
    }));
    const { user, callsTo } = render("bureau", {
      ...base("commentaire", "text"),
      withheld: null,
      overall: {
        key: null,
        label: "Ensemble",
        suppressed: false,
        n: 10,
        stats: null,
        choices: null,
        texts,
      },
    });
    await user.click(
      await screen.findByRole("button", { name: /Masquer la réponse « Je suis Jeanne Martin/ }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Masquer cette réponse libre ?" });
    await user.click(within(dialog).getByRole("button", { name: "Masquer" }));
    await waitFor(() => expect(callsTo("survey.hideFreeText")).toHaveLength(1));
    expect(callsTo("survey.hideFreeText")[0]?.input).toEqual({
      surveyId: health.id,
      questionId: "commentaire",
      answerId: texts[3]?.id,
    });
  });

  it("offers no hiding to an organiser", async () => {
    render("organiser", {
      ...base("commentaire", "text"),
      withheld: null,
      overall: {
        key: null,
        label: "Ensemble",
        suppressed: false,
        n: 10,
        stats: null,
        choices: null,
        texts: Array.from({ length: 10 }, (_, i) => ({ id: `${i}`, text: `Réponse ${i}` })),
      },
    });
    expect(await screen.findByText("Réponse 3")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Masquer/ })).toBeNull();
  });
});

import { screen, within } from "@testing-library/react";
import type { SurveyDraftInput } from "@tribune/domain";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { renderWithApi, uuid } from "../../catalog/testing";
import SurveyBuilderPage from "./SurveyBuilderPage";

const subdivisions = [
  { id: uuid(1), slug: "dijon", name: "Dijon" },
  { id: uuid(2), slug: "lille", name: "Lille" },
];

function renderNew() {
  return renderWithApi(
    <Routes>
      <Route path="/enquetes/nouvelle" element={<SurveyBuilderPage />} />
      <Route path="/enquetes/:id/questionnaire" element={<p>Enquête créée</p>} />
    </Routes>,
    {
      route: "/enquetes/nouvelle",
      handlers: {
        "subdivision.options": () => subdivisions,
        "survey.create": (input) => ({ ...(input as object), id: uuid(9), status: "draft" }),
      },
    },
  );
}

describe("SurveyBuilderPage", () => {
  it("names what is missing question by question, and sends nothing until it is valid", async () => {
    const { user, callsTo } = renderNew();
    await user.type(screen.getByLabelText("Titre"), "Enquête flash");
    expect((screen.getByLabelText("Identifiant (lien public)") as HTMLInputElement).value).toBe(
      "enquete-flash",
    );
    await user.selectOptions(screen.getByLabelText("Type de question"), "yes_no");
    await user.click(screen.getByRole("button", { name: "Ajouter une question" }));
    await user.click(screen.getByRole("button", { name: "Créer l'enquête (brouillon)" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Question 1 : L'intitulé est obligatoire.")).toBeTruthy();
    expect(callsTo("survey.create")).toHaveLength(0);

    await user.type(screen.getByLabelText("Intitulé de la question"), "Repos respecté ?");
    await user.click(await screen.findByRole("button", { name: "+ Subdivision (profil)" }));
    // The profile question goes first: moved up above the yes/no question.
    await user.click(screen.getByRole("button", { name: "Monter la question 2" }));
    await user.click(screen.getByRole("button", { name: "Créer l'enquête (brouillon)" }));
    expect(await screen.findByText("Enquête créée")).toBeTruthy();
    const [sent] = callsTo("survey.create");
    const draft = sent?.input as SurveyDraftInput;
    expect(draft.slug).toBe("enquete-flash");
    expect(draft.questions?.map((q) => [q.type, q.label])).toEqual([
      ["single", "Dans quelle subdivision effectuez-vous votre internat ?"],
      ["yes_no", "Repos respecté ?"],
    ]);
  });

  it("opens a locked question read-only once the survey has responses", async () => {
    const survey = {
      id: uuid(9),
      slug: "enquete-flash",
      title: "Enquête flash",
      year: 2026,
      partners: [],
      audience: "",
      opensOn: null,
      closesOn: null,
      status: "open",
      anonymity: "open_link",
      sensitivity: "standard",
      disclosureThreshold: 11,
      questions: [
        { id: "repos", label: "Repos respecté ?", help: "", required: true, type: "yes_no" },
      ],
    };
    const { user, callsTo } = renderWithApi(
      <Routes>
        <Route path="/enquetes/:id/questionnaire" element={<SurveyBuilderPage />} />
      </Routes>,
      {
        route: `/enquetes/${survey.id}/questionnaire`,
        handlers: {
          "subdivision.options": () => subdivisions,
          "survey.get": () => survey,
          "survey.collection": () => ({
            surveyId: survey.id,
            threshold: 11,
            total: 3,
            synthetic: false,
            bySubdivision: [],
            byDay: [{ day: "2026-03-01", responses: 3, cumulative: 3 }],
            bySubdivisionOverTime: [],
          }),
        },
      },
    );
    await user.click(await screen.findByRole("button", { name: "Voir la question 1" }));
    const label = screen.getByLabelText("Intitulé de la question") as HTMLInputElement;
    expect(label.value).toBe("Repos respecté ?");
    expect(label.disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "Retirer" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Monter la question 1" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Fermer la question 1" }));
    expect(screen.queryByLabelText("Intitulé de la question")).toBeNull();
    expect(callsTo("survey.update")).toHaveLength(0);
  });
});

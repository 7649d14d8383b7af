import { screen, within } from "@testing-library/react";
import type { SurveyDraftInput } from "@tribune/domain/surveys";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { renderWithApi, uuid } from "../../../testing/api";
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
  questions: [{ id: "repos", label: "Repos respecté ?", help: "", required: true, type: "yes_no" }],
};

/** The builder of an existing survey, as `survey.builder` gives it. */
function renderSurvey(view: { survey: typeof survey } & Record<string, unknown>) {
  return renderSurveyWith(view, {});
}

function renderSurveyWith(
  view: { survey: typeof survey } & Record<string, unknown>,
  more: Record<string, (input: unknown) => unknown>,
) {
  return renderWithApi(
    <Routes>
      <Route path="/enquetes/:id/questionnaire" element={<SurveyBuilderPage />} />
    </Routes>,
    {
      route: `/enquetes/${view.survey.id}/questionnaire`,
      handlers: {
        "subdivision.options": () => subdivisions,
        "survey.builder": () => view,
        ...more,
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
    const { user, callsTo } = renderSurvey({
      survey,
      hasAnswers: true,
      responses: 3,
      batch: 11,
      withheld: null,
    });
    await user.click(await screen.findByRole("button", { name: "Voir la question 1" }));
    expect(screen.getByText(/^3 réponses\./)).toBeTruthy();
    const label = screen.getByLabelText("Intitulé de la question") as HTMLInputElement;
    expect(label.value).toBe("Repos respecté ?");
    expect(label.disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "Retirer" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Monter la question 1" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Fermer la question 1" }));
    expect(screen.queryByLabelText("Intitulé de la question")).toBeNull();
    expect(callsTo("survey.update")).toHaveLength(0);
  });

  it("locks a health survey's questions on its answers, though they are not counted yet", async () => {
    // Three answers to an open health survey: counted in steps of 5, so none shows.
    const health = { ...survey, sensitivity: "health", disclosureThreshold: 5 };
    const { user, callsTo } = renderSurvey({
      survey: health,
      hasAnswers: true,
      responses: 0,
      batch: 5,
      withheld: { reason: "sensitive_open", received: 0, step: 5 },
    });
    expect(
      await screen.findByText(/Des réponses ont été reçues, moins de 5 \(données de santé/),
    ).toBeTruthy();
    expect(screen.queryByText(/^0 réponse/)).toBeNull();
    expect(
      screen.getByText("Des réponses ont été reçues : les questions sont verrouillées."),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Voir la question 1" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Ajouter une question" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Retirer" })).toBeNull();
    expect((screen.getByLabelText("Anonymat") as HTMLSelectElement).disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "Voir la question 1" }));
    expect((screen.getByLabelText("Intitulé de la question") as HTMLInputElement).disabled).toBe(
      true,
    );
    expect(callsTo("survey.update")).toHaveLength(0);
  });

  it("counts a single answer in the singular", async () => {
    renderSurvey({ survey, hasAnswers: true, responses: 1, batch: 1, withheld: null });
    expect(await screen.findByText(/^1 réponse\./)).toBeTruthy();
  });

  it("leaves a survey without answers open to editing", async () => {
    renderSurvey({ survey, hasAnswers: false, responses: 0, batch: 11, withheld: null });
    expect(await screen.findByText(/Aucune réponse\./)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Ajouter une question" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Retirer" })).toBeTruthy();
  });

  it("saves an open survey's edits, partners as a list, its shared link unchanged", async () => {
    const { user, callsTo } = renderSurveyWith(
      { survey, hasAnswers: false, responses: 0, batch: 11, withheld: null },
      { "survey.update": (input) => ({ ...survey, ...(input as { survey: object }).survey }) },
    );
    const slug = (await screen.findByLabelText("Identifiant (lien public)")) as HTMLInputElement;
    expect(slug.disabled).toBe(true);
    const title = screen.getByLabelText("Titre");
    await user.clear(title);
    await user.type(title, "Enquête éclair");
    await user.type(screen.getByLabelText("Partenaires"), "ISNI, ANEMF");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Enquête enregistrée.")).toBeTruthy();
    expect(callsTo("survey.update")[0]?.input).toMatchObject({
      id: survey.id,
      survey: {
        slug: "enquete-flash",
        title: "Enquête éclair",
        partners: ["ISNI", "ANEMF"],
        questions: survey.questions,
      },
    });
  });
});

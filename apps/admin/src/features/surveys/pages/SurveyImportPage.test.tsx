import { screen, within } from "@testing-library/react";
import type { SurveyImportReport } from "@tribune/domain/surveys";
import { referenceSurveys2026 } from "@tribune/reference";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { renderWithApi } from "../../../testing/api";
import SurveyImportPage from "./SurveyImportPage";

const survey = referenceSurveys2026()[2]?.survey;
if (!survey) throw new Error("no reference survey");

const header = ["id", "subdivision", "annee", "Q3", "ambulatoire"];
const report = (
  mapping: Record<string, string | null>,
  errorCount: number,
): SurveyImportReport => ({
  header,
  mapping,
  rows: 2,
  valid: 2 - errorCount,
  errors:
    errorCount > 0
      ? [{ line: 3, questionId: "remuneration", message: "Cette question est obligatoire." }]
      : [],
  errorCount,
  imported: 0,
});

describe("SurveyImportPage", () => {
  it("checks the file, lets the mapping change, and imports only a clean file", async () => {
    const suggested = {
      subdivision: "subdivision",
      annee: "annee",
      remuneration: null,
      ambulatoire: "ambulatoire",
    };
    const { user, callsTo } = renderWithApi(
      <Routes>
        <Route path="/enquetes/:id/import" element={<SurveyImportPage />} />
      </Routes>,
      {
        route: `/enquetes/${survey.id}/import`,
        handlers: {
          "survey.get": () => survey,
          "survey.import": (input) => {
            const { mapping, dryRun } = input as {
              mapping: Record<string, string | null> | null;
              dryRun: boolean;
            };
            if (!dryRun) return { ...report(mapping ?? suggested, 0), imported: 2 };
            return mapping?.remuneration ? report(mapping, 0) : report(suggested, 1);
          },
        },
      },
    );
    const file = new File(
      [`${header.join(";")}\n1;dijon;4;salaire;Y\n2;lille;3;;N\n`],
      "lime.csv",
      {
        type: "text/csv",
      },
    );
    await user.upload(await screen.findByLabelText("Fichier CSV"), file);
    const errors = await screen.findByRole("table", { name: "Lignes en erreur" });
    expect(within(errors).getByText("Cette question est obligatoire.")).toBeTruthy();
    expect(
      screen.getByText(
        (_, el) =>
          el?.tagName === "P" && el.textContent === "lime.csv : 2 lignes, 1 valable, 1 erreur.",
      ),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Importer 1 réponse" })).toHaveProperty(
      "disabled",
      true,
    );

    const remuneration = survey.questions.find((q) => q.id === "remuneration");
    await user.selectOptions(
      screen.getByLabelText(`Colonne pour « ${remuneration?.label} »`),
      "Q3",
    );
    await user.click(
      screen.getByRole("button", { name: "Vérifier à nouveau avec cette correspondance" }),
    );
    const apply = await screen.findByRole("button", { name: "Importer 2 réponses" });
    expect(
      screen.getByText(
        (_, el) =>
          el?.tagName === "P" && el.textContent === "lime.csv : 2 lignes, 2 valables, 0 erreur.",
      ),
    ).toBeTruthy();
    expect(callsTo("survey.import").at(-1)?.input).toMatchObject({
      dryRun: true,
      mapping: { remuneration: "Q3" },
    });
    await user.click(apply);
    expect(await screen.findByText("2 réponses importées.")).toBeTruthy();
    expect(callsTo("survey.import").at(-1)?.input).toMatchObject({
      dryRun: false,
      mapping: { remuneration: "Q3" },
    });
  });
});

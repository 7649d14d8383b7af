import { csvDay, parseSurveyImport, suggestSurveyMapping } from "@tribune/domain/surveys";
import { describe, expect, it } from "vitest";
import { referenceSurveys2026 } from "../../surveys2026";

const survey = referenceSurveys2026()[2]?.survey;
if (!survey) throw new Error("no reference survey");

// A LimeSurvey export: identifying columns first (never mapped), then question codes.
const header = [
  "id",
  "submitdate",
  "ipaddr",
  "subdivision",
  "annee",
  "remuneration",
  "ambulatoire",
  "mode_exercice[groupe]",
  "mode_exercice[msp]",
  "mode_exercice[centre]",
  "mode_exercice[seul]",
];
const rows = [
  ["1", "2024-09-03 21:14:05", "192.0.2.1", "dijon", "4", "retrocession", "Y", "Y", "Y", "", ""],
  [
    "2",
    "04/09/2024",
    "192.0.2.2",
    "Lille",
    "3",
    "Un salaire fixe uniquement",
    "N",
    "",
    "",
    "",
    "Y",
  ],
  ["3", "2024-09-05", "192.0.2.3", "atlantide", "9", "bitcoin", "peut-être", "", "", "", ""],
  ["4", "", "192.0.2.4", "paris", "4", "sans_avis", "", "", "", "", ""],
].map((cells, i) => ({ line: i + 2, cells }));

describe("survey CSV import", () => {
  const mapping = suggestSurveyMapping(survey, header);

  it("maps question codes and never maps identifying columns", () => {
    expect(mapping).toEqual({
      subdivision: "subdivision",
      annee: "annee",
      remuneration: "remuneration",
      ambulatoire: "ambulatoire",
      mode_exercice: "mode_exercice",
    });
    expect(Object.values(mapping)).not.toContain("ipaddr");
  });

  it("reads good rows, coarsened to the day, and reports each bad row", () => {
    const parsed = parseSurveyImport(survey, header, rows, mapping, "2024-10-13");
    expect(parsed.responses).toEqual([
      {
        line: 2,
        submittedOn: "2024-09-03",
        answers: {
          subdivision: "dijon",
          annee: "4",
          remuneration: "retrocession",
          ambulatoire: true,
          mode_exercice: ["groupe", "msp"],
        },
      },
      {
        line: 3,
        submittedOn: "2024-09-04",
        answers: {
          subdivision: "lille",
          annee: "3",
          remuneration: "salaire",
          ambulatoire: false,
          mode_exercice: ["seul"],
        },
      },
    ]);
    expect(parsed.errors).toEqual([
      { line: 4, questionId: "ambulatoire", message: "« peut-être » : oui ou non attendu." },
      { line: 4, questionId: "subdivision", message: "Réponse inconnue pour cette question." },
      { line: 4, questionId: "annee", message: "Réponse inconnue pour cette question." },
      { line: 4, questionId: "remuneration", message: "Réponse inconnue pour cette question." },
      { line: 5, questionId: "ambulatoire", message: "Cette question est obligatoire." },
    ]);
  });

  it("reads dates in ISO and French forms", () => {
    expect(csvDay("2024-03-05 13:45:12")).toBe("2024-03-05");
    expect(csvDay("5/3/2024")).toBe("2024-03-05");
    expect(csvDay("hier")).toBeNull();
  });
});

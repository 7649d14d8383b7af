import type { SectionOfKind } from "@tribune/domain/press-kit";
import {
  buildPressKitModel,
  formatFigure,
  plainText,
  pressKitFigureOf,
  quotableFigures,
  storedFigureDefinition,
} from "@tribune/domain/press-kit";
import { type ComputedKeyFigure, KeyFigureDefinition } from "@tribune/domain/surveys";
import { describe, expect, it } from "vitest";
import { referenceProgramme2026 } from "../../fixtures";
import { pressKitEditorial2026 } from "../../pressKit2026";

const provenance = {
  surveySlug: "gardes-2026",
  survey: "Enquête sur les gardes",
  partners: ["ISNI"],
  year: 2026,
  respondents: 412,
  from: "2026-01-05",
  to: "2026-02-01",
  synthetic: false,
};
const stored = (template: string, value: number | null, scale = 100): ComputedKeyFigure => ({
  definition: KeyFigureDefinition.parse({
    id: "gardes-non-payees",
    surveySlug: "gardes-2026",
    questionId: "gardes_payees",
    statistic: { kind: "share_choice", choices: ["no"] },
    scale,
    template,
    published: true,
  }),
  value,
  suppressed: value === null,
  sentence: null,
  provenance,
});

describe("a key figure created in the admin, as the press kit presents it", () => {
  it("takes its sentence without the value as label, a percentage from its '%'", () => {
    const definition = storedFigureDefinition(
      stored("{value} % des internes ne sont pas payé·es pour leurs gardes", 37),
      "Vos gardes sont-elles payées ?",
    );
    expect(definition).toMatchObject({
      label: "des internes ne sont pas payé·es pour leurs gardes",
      unit: "percent",
      source: { survey: "Enquête sur les gardes", partners: ["ISNI"], year: 2026 },
    });
    expect(definition.statistic).toBe(
      "Part des répondant·es ayant choisi « no » à « Vos gardes sont-elles payées ? ».",
    );
  });

  it("marks where the value goes when the sentence does not start with it", () => {
    const definition = storedFigureDefinition(stored("Près de {value} internes sur 10", 3, 10));
    expect(definition).toMatchObject({ label: "Près de … internes sur 10", unit: "number" });
  });

  it("reaches the model with its value, and a dossier may quote it and set it large", () => {
    const editorial = pressKitEditorial2026();
    const pillar = editorial.pillars[1];
    if (!pillar) throw new Error("no pillar");
    pillar.items = [
      {
        id: "gardes",
        title: "GARDES",
        blocks: ["Selon notre enquête, {{gardes-non-payees}} des internes attendent."],
        figureIds: ["gardes-non-payees"],
      },
    ];
    const ref = referenceProgramme2026();
    const model = buildPressKitModel({
      ...ref,
      editorial,
      computedFigures: [pressKitFigureOf(stored("{value} % des internes", 37))],
    });
    const figure = model.figures.find((f) => f.id === "gardes-non-payees");
    expect(figure).toMatchObject({
      value: 37,
      label: "des internes",
      source: { respondents: 412 },
    });
    const defendre = model.sections.find((s) => s.id === "defendre") as SectionOfKind<"pillar">;
    const [item] = defendre.content.items;
    const paragraph = item?.blocks[0];
    if (paragraph?.type !== "paragraph") throw new Error("no paragraph");
    const byId = (id: string) => {
      const quoted = model.figures.find((f) => f.id === id);
      return quoted ? formatFigure(quoted) : "?";
    };
    expect(plainText(paragraph.runs, byId)).toBe(
      "Selon notre enquête, 37\u202F% des internes attendent.",
    );
    expect(item?.figureIds).toEqual(["gardes-non-payees"]);
  });

  it("keeps the reference wording for a reference id and hides the count of a suppressed one", () => {
    const ref = referenceProgramme2026();
    const base = stored("{value} % autre libellé", null);
    const suppressed = { ...base, definition: { ...base.definition, id: "tt-plus-80h" } };
    const model = buildPressKitModel({
      ...ref,
      editorial: pressKitEditorial2026(),
      computedFigures: [pressKitFigureOf(suppressed)],
    });
    expect(model.figures.find((f) => f.id === "tt-plus-80h")).toMatchObject({
      label: "des internes travaillent plus de 80 heures par semaine",
      value: null,
      source: { respondents: null },
    });
  });
});

describe("quotableFigures", () => {
  it("offers the reference figures first, then the published ones the reference does not define", () => {
    const reference = [{ id: "tt-moyenne", label: "Temps de travail moyen" }];
    const published = [
      { id: "tt-moyenne", template: "{value} h" },
      { id: "gardes-non-payees", template: "{value} % de gardes non payées" },
      { id: "repos", template: "{value} repos manqués" },
    ];
    expect(
      quotableFigures(reference, published, new Map([["repos", "Repos de sécurité manqués"]])),
    ).toEqual([
      { id: "tt-moyenne", label: "Temps de travail moyen" },
      { id: "gardes-non-payees", label: "… % de gardes non payées" },
      { id: "repos", label: "Repos de sécurité manqués" },
    ]);
  });
});

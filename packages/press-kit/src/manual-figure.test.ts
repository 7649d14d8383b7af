import {
  buildPressKitModel,
  type ManualFigureFields,
  pressKitManualFigure,
} from "@tribune/domain/press-kit";
import { pressKitEditorial2026, referenceProgramme2026 } from "@tribune/reference";
import { beforeAll, describe, expect, it } from "vitest";
import { renderPressKitWithReport } from "./render";
import { extractPdfText, normalizeSpaces } from "./testing";

const drees: ManualFigureFields = {
  id: "drees-burnout",
  label: "des internes déclarent des symptômes d'épuisement",
  value: 66.2,
  unit: "percent",
  decimals: 1,
  sourceOrganisation: "DREES",
  sourceTitle: "Santé des internes en médecine",
  sample: "2 145 internes interrogé·es",
  publishedOn: "2025-03-12",
  url: "",
};

/** The 2026 kit with the manual figure quoted in the opening text and set large in a pillar. */
function modelWithManualFigure() {
  const editorial = pressKitEditorial2026();
  editorial.opening.blocks = [
    ...editorial.opening.blocks,
    "Selon la DREES, {{drees-burnout}} des internes sont épuisé·es.",
  ];
  const [pillar] = editorial.pillars;
  const [item] = pillar?.items ?? [];
  if (!item) throw new Error("no pillar item");
  item.blocks = [...item.blocks, "Et {{drees-burnout}} des internes s'épuisent."];
  item.figureIds = [...(item.figureIds ?? []), "drees-burnout"];
  return buildPressKitModel({
    ...referenceProgramme2026(),
    editorial,
    computedFigures: [pressKitManualFigure(drees)],
  });
}

describe("a manual (quoted) figure in the press-kit PDF", () => {
  let all: string;

  beforeAll(async () => {
    const rendered = await renderPressKitWithReport(modelWithManualFigure());
    all = normalizeSpaces((await extractPdfText(rendered.pdf)).pages.join(" "));
  });

  it("prints its value in the text, followed by its provenance in small print", () => {
    expect(all).toContain(
      "66,2 % (chiffre cité — DREES, « Santé des internes en médecine », 12 mars 2025 ; 2 145 internes interrogé·es)",
    );
  });

  it("prints its card's source line as a quoted figure, never as a survey with respondents", () => {
    expect(all).toContain(
      "Chiffre cité — DREES, « Santé des internes en médecine » (12 mars 2025), 2 145 internes interrogé·es",
    );
    expect(all).not.toContain("Source : Santé des internes en médecine");
  });
});

import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { sampleCollection, sampleSurveys } from "../../test-fixtures";
import { KEYS, tick } from "../test-keys";
import { Surveys } from "./Surveys";

describe("Surveys", () => {
  it("shows the responses collected and the key figures with provenance, suppressed ones masked", () => {
    const { list, figures } = sampleSurveys();
    const frame =
      render(
        <Surveys
          surveys={list}
          figures={figures}
          width={80}
          height={20}
          filter=""
          active={false}
        />,
      ).lastFrame() ?? "";
    expect(frame).toContain(
      "Temps de travail des internes * · 1 234 réponses · Close · 03/11–14/12/2025",
    );
    expect(frame).toContain("Chiffres clés — Temps de travail des internes");
    expect(frame).toContain("calculés maintenant · 03/11/2025–14/12/2025 · démo · ISNAR-IMG");
    expect(frame).toContain("• 59 h par semaine en moyenne (n=1 234)");
    expect(frame).toContain("■ masqué : trop peu de réponses (n=4)");
    expect(frame).not.toMatch(/\d+ % font des gardes/);
  });
  it("says a survey without dates has none, instead of « ?–? »", () => {
    const { list, figures } = sampleSurveys();
    const undated = list.map((s) => ({ ...s, opensOn: null, closesOn: null }));
    const frame =
      render(
        <Surveys
          surveys={undated}
          figures={figures}
          width={80}
          height={20}
          filter=""
          active={false}
        />,
      ).lastFrame() ?? "";
    expect(frame).toContain("Close · sans dates");
    expect(frame).not.toContain("?");
  });

  it("shows the chosen survey's key figures, and fits six of them at 80×24", async () => {
    const { list, figures } = sampleSurveys();
    const [first] = list;
    const [figure] = figures;
    if (!first || !figure) throw new Error("no sample survey");
    const second = {
      ...first,
      id: "00000000-0000-4000-8000-0000000000b2",
      slug: "sante-mentale-2026",
      title: "Santé mentale",
    };
    const six = Array.from({ length: 6 }, (_, i) => ({
      ...figure,
      definition: { ...figure.definition, id: `sm-${i}`, surveySlug: second.slug },
      sentence: `${40 + i} % se disent épuisé·es (figure ${i + 1})`,
      provenance: { ...figure.provenance, surveySlug: second.slug, survey: "Santé mentale" },
    }));
    const { lastFrame, stdin } = render(
      <Surveys
        surveys={[first, second]}
        figures={[...figures, ...six]}
        width={79}
        height={20}
        filter=""
        active
      />,
    );
    expect(lastFrame()).toContain("• 59 h par semaine en moyenne");
    expect(lastFrame()).not.toContain("épuisé");
    stdin.write(KEYS.right);
    await tick();
    const frame = lastFrame() ?? "";
    expect(frame).toContain("Chiffres clés — Santé mentale");
    expect(frame).not.toContain("59 h par semaine");
    for (let i = 1; i <= 6; i += 1) expect(frame).toContain(`(figure ${i})`);
  });

  it("scrolls with j", async () => {
    const { list, figures } = sampleSurveys();
    const { lastFrame, stdin } = render(
      <Surveys surveys={list} figures={figures} width={80} height={3} filter="" active />,
    );
    expect(lastFrame()).toContain("Enquêtes : réponses collectées");
    stdin.write("j");
    await tick();
    expect(lastFrame()).not.toContain("Enquêtes : réponses collectées");
  });

  it("shows the chosen survey's responses per subdivision, suppressed ones all alike, ←→ to choose", async () => {
    const { list, figures } = sampleSurveys();
    const [first] = list;
    if (!first) throw new Error("no sample survey");
    const second = { ...first, id: "00000000-0000-4000-8000-0000000000b2", title: "Santé mentale" };
    const collections = new Map([
      [first.id, sampleCollection(first.id)],
      [second.id, { ...sampleCollection(second.id, 800), bySubdivision: [] }],
    ]);
    const { lastFrame, stdin } = render(
      <Surveys
        surveys={[first, second]}
        figures={figures}
        collections={collections}
        width={79}
        height={20}
        filter=""
        active
      />,
    );
    const frame = lastFrame() ?? "";
    // Two surveys at 79 columns: the facts stay whole, the title gives way if need be.
    expect(frame).toMatch(/› Temps de travail des int.* · 1 234 réponses · Close/);
    expect(frame).toContain("Réponses par subdivision (←→ autre enquête) — Temps de travail");
    expect(frame).toMatch(/Amiens\s+20 /);
    // Suppressed cells: the same mark, whatever their true size, and the rule in words.
    for (const name of ["Brest", "Caen", "Tours"])
      expect(frame).toMatch(new RegExp(`${name}\\s+masqué`));
    expect(frame).toContain("masqué : moins de 11 réponses, ou déductible des autres");
    expect(Math.max(...frame.split("\n").map((l) => l.length))).toBeLessThanOrEqual(79);
    stdin.write(KEYS.right);
    await tick();
    expect(lastFrame()).toContain("› Santé mentale");
    expect(lastFrame()).toContain("Cette enquête ne demande pas la subdivision.");
  });

  it("lists the figures quoted from others under their own heading, each with its source", () => {
    const { list, figures } = sampleSurveys();
    const frame =
      render(
        <Surveys
          surveys={list}
          figures={figures}
          cited={[
            {
              id: "drees-burnout",
              label: "des internes épuisé·es",
              value: 66.2,
              unit: "percent",
              decimals: 1,
              sourceOrganisation: "DREES",
              sourceTitle: "Santé des internes",
              sample: "2 145 internes",
              publishedOn: "2025-03-12",
              url: "",
              updatedAt: null,
              updatedBy: null,
            },
          ]}
          width={100}
          height={40}
          filter=""
          active={false}
        />,
      ).lastFrame() ?? "";
    expect(frame).toContain("Chiffres cités (source externe)");
    expect(frame).toContain(
      "• 66,2 % des internes épuisé·es (chiffre cité — DREES, « Santé des internes », 12 mars 2025",
    );
  });
});

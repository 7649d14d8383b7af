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
    expect(frame).toContain("Temps de travail des internes *");
    expect(frame).toContain("1 234 réponses · Close · 03/11/2025–14/12/2025");
    expect(frame).toContain("• 59 h par semaine en moyenne");
    expect(frame).toContain(
      "n=1 234 · 03/11/2025–14/12/2025 · démo · Temps de travail des internes",
    );
    expect(frame).toContain("■ masqué : trop peu de réponses (n=4)");
    expect(frame).not.toMatch(/\d+ % font des gardes/);
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
    expect(frame).toContain("› Temps de travail des internes *");
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
});

import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { sampleSurveys } from "../../test-fixtures";
import { tick } from "../test-keys";
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
});

import { listKeyFigureDefinitions } from "@tribune/db/repos/surveys";
import { testBackends } from "@tribune/db/testing";
import { OPEN_FIGURE_COLUMNS } from "@tribune/domain/surveys";
import { describe, expect, it } from "vitest";
import { useSeededApi } from "../../test-support";
import { systemContext } from "../kit";
import { openFigures, openFiguresCsv } from "./open-figures";

describe.each(testBackends())("figures.json and figures.csv on %s", (backend) => {
  const api = useSeededApi(backend, { surveys: true });

  it("gives every published key figure with its value, sentence and source, and no draft", async () => {
    const { edition, figures } = await openFigures(systemContext(api.db), { year: 2026 });
    expect(edition).toBe(2026);
    const definitions = await listKeyFigureDefinitions(api.db);
    const published = definitions.filter((d) => d.published).map((d) => d.id);
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      expect(published).toContain(figure.id);
      expect(figure.survey).not.toBe("");
      if (figure.suppressed) {
        // Too few respondents: neither the value nor how many answered.
        expect(figure).toMatchObject({ value: null, respondents: null, sentence: null });
        expect(figure.provenance).toContain("trop peu de répondant·es");
      } else if (figure.value !== null) {
        expect(figure.sentence).toBeTruthy();
        expect(figure.provenance).toContain(`n = ${figure.respondents}`);
      }
    }
  });

  it("writes the same figures as a CSV a French spreadsheet opens", async () => {
    const csv = await openFiguresCsv(systemContext(api.db), { year: 2026 });
    const [header, ...rows] = csv
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(header).toBe(OPEN_FIGURE_COLUMNS.join(";"));
    const { figures } = await openFigures(systemContext(api.db), { year: 2026 });
    expect(rows).toHaveLength(figures.length);
  });
});

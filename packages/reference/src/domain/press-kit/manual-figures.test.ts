import { describeAuditEntry } from "@tribune/domain/audit";
import {
  buildPressKitModel,
  citationLine,
  decideManualFigure,
  editorialOfFrame,
  type ManualFigureFields as Fields,
  formatFigure,
  frameTemplate,
  ManualFigureFields,
  pressKitManualFigure,
  sectionsWithTemplates,
} from "@tribune/domain/press-kit";
import { OPEN_FIGURE_COLUMNS, openFigureRow, toOpenManualFigure } from "@tribune/domain/surveys";
import { describe, expect, it } from "vitest";
import { referenceProgramme2026 } from "../../fixtures";

const drees: Fields = {
  id: "drees-burnout",
  label: "des internes déclarent des symptômes d'épuisement",
  value: 66.2,
  unit: "percent",
  decimals: 1,
  sourceOrganisation: "DREES",
  sourceTitle: "Santé des internes en médecine",
  sample: "2 145 internes interrogé·es en ligne",
  publishedOn: "2025-03-12",
  url: "https://drees.example.fr/etude",
};
const decide = (figure: Fields, takenIds: string[] = []) =>
  decideManualFigure(figure, { takenIds: new Set(takenIds), today: "2026-12-07" });

describe("manual key figures", () => {
  it("accepts a figure with its whole provenance (the address is optional)", () => {
    expect(decide(drees)).toMatchObject({ ok: true, figure: drees });
    expect(decide({ ...drees, url: "" })).toMatchObject({ ok: true });
  });

  it("refuses a figure without source, document, sample or date, naming each field in French", () => {
    const decision = decide({ ...drees, sourceOrganisation: " ", sample: "", publishedOn: "" });
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.refusal.reason).toBe("manual_figure_provenance_missing");
    expect(decision.refusal.code).toBe("invalid");
    expect(decision.refusal.message).toBe(
      "Un chiffre cité doit dire d'où il vient : indiquez l'organisation source, l'échantillon, la date de publication.",
    );
    expect(Object.keys(decision.refusal.fieldErrors ?? {})).toEqual([
      "sourceOrganisation",
      "sample",
      "publishedOn",
    ]);
  });

  it("refuses an id another figure has, a date to come, a percentage over 100", () => {
    const reason = (d: ReturnType<typeof decide>) => (d.ok ? null : d.refusal.reason);
    expect(reason(decide(drees, ["drees-burnout"]))).toBe("figure_id_taken");
    expect(reason(decide({ ...drees, publishedOn: "2027-01-01" }))).toBe(
      "manual_figure_published_in_future",
    );
    expect(reason(decide({ ...drees, value: 120 }))).toBe("manual_figure_percent_out_of_range");
    expect(reason(decide({ ...drees, unit: "number", value: 120 }))).toBe(null);
  });

  it("refuses at the boundary an id that texts could not quote", () => {
    const parsed = ManualFigureFields.safeParse({ ...drees, id: "Chiffre DREES" });
    expect(parsed.success).toBe(false);
  });

  it("says where the figure comes from, marked as quoted", () => {
    expect(citationLine(pressKitManualFigure(drees).definition?.citation as never)).toBe(
      "Chiffre cité — DREES, « Santé des internes en médecine » (12 mars 2025), 2 145 internes interrogé·es en ligne · https://drees.example.fr/etude",
    );
  });

  it("prints a quoted figure in a kit's text with its value and provenance", () => {
    const ref = referenceProgramme2026();
    const frame = frameTemplate(null);
    const sections = sectionsWithTemplates([], frame).map((s) =>
      s.sectionId === "ouverture"
        ? { ...s, stored: true, text: "Selon la DREES, {{drees-burnout}} ; c'est trop." }
        : s,
    );
    const model = buildPressKitModel({
      edition: ref.edition,
      rooms: ref.rooms,
      sessions: ref.sessions,
      editorial: editorialOfFrame(frame),
      sections,
      dossiers: [],
      computedFigures: [pressKitManualFigure(drees)],
    });
    const figure = model.figures.find((f) => f.id === "drees-burnout");
    expect(figure?.value).toBe(66.2);
    expect(figure && formatFigure(figure)).toBe("66,2\u202f%");
    expect(figure?.synthetic).toBe(false);
    expect(figure?.citation).toEqual({
      organisation: "DREES",
      title: "Santé des internes en médecine",
      sample: "2 145 internes interrogé·es en ligne",
      publishedOn: "2025-03-12",
      url: "https://drees.example.fr/etude",
    });
    const opening = model.sections.find((s) => s.id === "ouverture");
    expect(JSON.stringify(opening)).toContain('"figureId":"drees-burnout"');
  });

  it("marks it as quoted in the open data, with its provenance in the CSV's last columns", () => {
    const open = toOpenManualFigure(drees);
    expect(open).toMatchObject({ origin: "manual", value: 66.2, respondents: null });
    expect(open.provenance).toMatch(/^Chiffre cité — DREES/);
    const row = openFigureRow(open);
    expect(row).toHaveLength(OPEN_FIGURE_COLUMNS.length);
    expect(row.slice(-6)).toEqual([
      "chiffre cité",
      "DREES",
      "Santé des internes en médecine",
      "2 145 internes interrogé·es en ligne",
      "2025-03-12",
      "https://drees.example.fr/etude",
    ]);
  });

  it("names the kit's frame and a quoted figure in the audit log, in French", () => {
    const base = {
      id: "00000000-0000-4000-8000-0000000000ff",
      at: "2026-12-07T10:00:00.000Z",
      actorId: null,
      actorEmail: "bureau@isnar-img.com",
      entity: "press_kit_section" as const,
      before: null,
    };
    const figure = describeAuditEntry({
      ...base,
      entityId: "2027/chiffre-cite/drees-burnout",
      action: "create",
      after: { manualFigure: drees },
    });
    expect(figure.name).toBe("Chiffre cité « drees-burnout » (2027)");
    const frame = describeAuditEntry({
      ...base,
      entityId: "2027/cadre",
      action: "update",
      after: { organisation: "ISNAR-IMG" },
    });
    expect(frame.name).toBe("Cadre du dossier de presse 2027");
  });
});

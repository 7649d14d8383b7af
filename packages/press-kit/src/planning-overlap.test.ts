import { buildPressKitModel } from "@tribune/domain/press-kit";
import { pressKitEditorial2026, referenceProgramme2026 } from "@tribune/reference";
import { beforeAll, describe, expect, it } from "vitest";
import { renderPressKitWithReport } from "./render";
import { placeCells } from "./sections/lanes";
import { compact, extractPdfText, type PdfItem } from "./testing";

const reference = referenceProgramme2026();
const AMPHI_TALK = "Évolution de la pratique de la Médecine Générale";
const MOVED = "1,2,3 rempla";

/** The reference programme after a drag put « 1,2,3 rempla » in the Amphi, at the same time. */
function withClash() {
  const amphi = reference.sessions.find((s) => s.title.startsWith(AMPHI_TALK));
  if (!amphi) throw new Error("no amphi talk");
  const sessions = reference.sessions.map((s) =>
    s.title === MOVED ? { ...s, roomIds: [...amphi.roomIds] } : s,
  );
  return { ...reference, sessions };
}

const firstItem = (items: PdfItem[], text: string) =>
  items.find((i) => i.str.trim().length > 0 && text.startsWith(i.str.trim()));

describe("a planning where two sessions overlap in the same room", () => {
  const model = buildPressKitModel({ ...withClash(), editorial: pressKitEditorial2026() });
  let items: PdfItem[];
  let page: string;

  beforeAll(async () => {
    const rendered = await renderPressKitWithReport(model);
    const text = await extractPdfText(rendered.pdf);
    const thursday = (rendered.pages.planning ?? 0) - 1;
    items = text.items[thursday] ?? [];
    page = compact(text.pages[thursday] ?? "");
  });

  it("prints both, side by side in the room's column, neither hidden under the other", () => {
    expect(page).toContain(compact(MOVED));
    expect(page).toContain(compact("Évolution de la"));
    const moved = firstItem(items, MOVED);
    const talk = firstItem(items, AMPHI_TALK);
    expect(moved && talk).toBeTruthy();
    // Same row (their first lines start at the same height), different strips.
    expect(Math.abs((moved?.y ?? 0) - (talk?.y ?? 0))).toBeLessThan(12);
    expect(Math.abs((moved?.x ?? 0) - (talk?.x ?? 0))).toBeGreaterThan(20);
  });

  it("says in the legend that sessions share a room", () => {
    expect(page).toContain(compact("Sessions simultanées dans une même salle"));
  });
});

describe("placeCells", () => {
  const cell = (sessionId: string, row: number, rowSpan: number, column: number, colSpan = 1) => ({
    sessionId,
    title: sessionId,
    kind: "atelier" as const,
    row,
    rowSpan,
    column,
    colSpan,
  });
  const columns = [0, 1, 2].map((i) => ({ roomId: `r${i}`, name: `Salle ${i}` }));

  it("keeps a cell whole when nothing overlaps it", () => {
    const pieces = placeCells({ columns, cells: [cell("a", 0, 2, 0, 3), cell("b", 2, 1, 1)] });
    expect(pieces.map((p) => [p.cell.sessionId, p.column, p.colSpan, p.lanes])).toEqual([
      ["a", 0, 3, 1],
      ["b", 1, 1, 1],
    ]);
  });

  it("splits a column into strips where cells overlap, and only that column", () => {
    // The longer session takes the first strip.
    const pieces = placeCells({ columns, cells: [cell("all", 0, 1, 0, 3), cell("x", 0, 2, 1)] });
    expect(pieces.map((p) => [p.cell.sessionId, p.column, p.colSpan, p.lane, p.lanes])).toEqual([
      ["all", 0, 1, 0, 1],
      ["all", 1, 1, 1, 2],
      ["all", 2, 1, 0, 1],
      ["x", 1, 1, 0, 2],
    ]);
  });
});

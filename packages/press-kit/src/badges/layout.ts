import type { BadgeFormat } from "@tribune/domain/union";

/** Millimetres to PDF points. */
export const mm = (value: number) => (value * 72) / 25.4;

/** A4 portrait, in points. */
export const A4 = { width: mm(210), height: mm(297) } as const;

export interface SheetLayout {
  /** One badge's size, in points. */
  width: number;
  height: number;
  columns: number;
  rows: number;
  /** The top-left corner of the grid on the sheet (badges touch: one cut between two). */
  left: number;
  top: number;
}

/**
 * How badges sit on an A4 sheet: A6 (105 × 148 mm) four to a sheet, which fills it (cut in
 * four), or credit-card size (ISO/IEC 7810 ID-1, 85.6 × 54 mm) two by five, centred.
 */
export function sheetLayout(format: BadgeFormat): SheetLayout {
  if (format === "card") {
    const width = mm(85.6);
    const height = mm(54);
    return {
      width,
      height,
      columns: 2,
      rows: 5,
      left: (A4.width - 2 * width) / 2,
      top: (A4.height - 5 * height) / 2,
    };
  }
  return { width: A4.width / 2, height: A4.height / 2, columns: 2, rows: 2, left: 0, top: 0 };
}

export const perSheet = (layout: SheetLayout) => layout.columns * layout.rows;

/** Cut lines of the grid: every column edge (x) and every row edge (y), in points. */
export function cutLines(layout: SheetLayout): { xs: number[]; ys: number[] } {
  const xs = Array.from({ length: layout.columns + 1 }, (_, i) => layout.left + i * layout.width);
  const ys = Array.from({ length: layout.rows + 1 }, (_, i) => layout.top + i * layout.height);
  return { xs, ys };
}

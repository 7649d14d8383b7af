/** @jsxRuntime automatic @jsxImportSource react */
import { Line, Svg } from "@react-pdf/renderer";
import { A4, cutLines, mm, type SheetLayout } from "./layout";

const MARK = mm(5);
const GAP = mm(1);
const STROKE = { stroke: "#000000", strokeWidth: 0.35 };

/**
 * Crop marks on a sheet: a short line on each cut, in the margin around the grid, kept off the
 * badges by a small gap. When the badges fill the sheet (A6), the marks sit on the cut lines
 * themselves, from the sheet's edges and at the crossing in the middle.
 */
export function CropMarks({ layout }: { layout: SheetLayout }) {
  const { xs, ys } = cutLines(layout);
  const right = layout.left + layout.columns * layout.width;
  const bottom = layout.top + layout.rows * layout.height;
  const lines: { x1: number; y1: number; x2: number; y2: number }[] = [];
  if (layout.left > MARK + GAP) {
    for (const x of xs) {
      lines.push({ x1: x, y1: layout.top - GAP - MARK, x2: x, y2: layout.top - GAP });
      lines.push({ x1: x, y1: bottom + GAP, x2: x, y2: bottom + GAP + MARK });
    }
    for (const y of ys) {
      lines.push({ x1: layout.left - GAP - MARK, y1: y, x2: layout.left - GAP, y2: y });
      lines.push({ x1: right + GAP, y1: y, x2: right + GAP + MARK, y2: y });
    }
  } else {
    // Badges edge to edge: mark the inner cuts from the sheet's edges, and their crossings.
    for (const x of xs.slice(1, -1)) {
      lines.push({ x1: x, y1: 0, x2: x, y2: MARK });
      lines.push({ x1: x, y1: A4.height - MARK, x2: x, y2: A4.height });
    }
    for (const y of ys.slice(1, -1)) {
      lines.push({ x1: 0, y1: y, x2: MARK, y2: y });
      lines.push({ x1: A4.width - MARK, y1: y, x2: A4.width, y2: y });
    }
    for (const x of xs.slice(1, -1))
      for (const y of ys.slice(1, -1)) {
        lines.push({ x1: x - MARK / 2, y1: y, x2: x + MARK / 2, y2: y });
        lines.push({ x1: x, y1: y - MARK / 2, x2: x, y2: y + MARK / 2 });
      }
  }
  return (
    <Svg
      width={A4.width}
      height={A4.height}
      style={{ position: "absolute", left: 0, top: 0 }}
      viewBox={`0 0 ${A4.width} ${A4.height}`}
    >
      {lines.map((l) => (
        <Line key={`${l.x1}-${l.y1}-${l.x2}-${l.y2}`} {...l} {...STROKE} />
      ))}
    </Svg>
  );
}

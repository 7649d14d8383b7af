import type { DayGrid, GridCell } from "@tribune/domain/schedule";

/**
 * Where a cell is drawn: `colSpan` columns from `column`, and within them lane `lane` of
 * `lanes` equal strips. A cell that overlaps no other is one piece with `lanes` 1.
 */
export interface CellPiece {
  cell: GridCell;
  column: number;
  colSpan: number;
  lane: number;
  lanes: number;
}

const rowsMeet = (a: GridCell, b: GridCell) =>
  a.row < b.row + b.rowSpan && b.row < a.row + a.rowSpan;
const covers = (cell: GridCell, column: number) =>
  column >= cell.column && column < cell.column + cell.colSpan;

/**
 * Lanes of one column: sessions overlapping in time in the same room (a conflict the organisers
 * have not solved yet) share the column side by side, so that the printed planning never draws
 * one session over another. Greedy interval colouring, earliest first; every cell of a group of
 * overlapping cells gets the group's lane count, so that the strips line up.
 */
function lanesOfColumn(cells: GridCell[]): Map<GridCell, { lane: number; lanes: number }> {
  const sorted = [...cells].sort((a, b) => a.row - b.row || b.rowSpan - a.rowSpan);
  const lane = new Map<GridCell, number>();
  for (const cell of sorted) {
    const taken = new Set(
      sorted.filter((o) => lane.has(o) && rowsMeet(o, cell)).map((o) => lane.get(o)),
    );
    let free = 0;
    while (taken.has(free)) free += 1;
    lane.set(cell, free);
  }
  // Groups: cells chained by overlaps; each group is as wide as its number of lanes.
  const result = new Map<GridCell, { lane: number; lanes: number }>();
  const seen = new Set<GridCell>();
  for (const start of sorted) {
    if (seen.has(start)) continue;
    const group = [start];
    seen.add(start);
    for (let i = 0; i < group.length; i += 1) {
      const current = group[i] as GridCell;
      for (const other of sorted)
        if (!seen.has(other) && rowsMeet(current, other)) {
          seen.add(other);
          group.push(other);
        }
    }
    const lanes = Math.max(...group.map((c) => (lane.get(c) ?? 0) + 1));
    for (const c of group) result.set(c, { lane: lane.get(c) ?? 0, lanes });
  }
  return result;
}

/**
 * The pieces to draw for a day's grid. A cell keeps its whole span where it meets no other
 * cell; in a column where it overlaps another, it is drawn in its own strip of that column.
 */
export function placeCells(grid: Pick<DayGrid, "columns" | "cells">): CellPiece[] {
  const columns = Math.max(grid.columns.length, 1);
  const perColumn = Array.from({ length: columns }, (_, column) =>
    lanesOfColumn(grid.cells.filter((c) => covers(c, column))),
  );
  const pieces: CellPiece[] = [];
  for (const cell of grid.cells) {
    let run: CellPiece | null = null;
    for (let column = cell.column; column < cell.column + cell.colSpan; column += 1) {
      const { lane, lanes } = perColumn[column]?.get(cell) ?? { lane: 0, lanes: 1 };
      if (lanes === 1 && run?.lanes === 1 && run.column + run.colSpan === column) {
        run.colSpan += 1;
        continue;
      }
      run = { cell, column, colSpan: 1, lane, lanes };
      pieces.push(run);
    }
  }
  return pieces;
}

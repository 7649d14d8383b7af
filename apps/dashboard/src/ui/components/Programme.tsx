import type { Room, Session, Speaker } from "@tribune/domain/congress";
import { formatShortDate, formatTimeRange } from "@tribune/domain/format";
import type { DayGrid, GridCell } from "@tribune/domain/schedule";
import { Box, Text, useInput } from "ink";
import { useMemo, useRef, useState } from "react";
import { fit, shortRoom, wrapWords } from "../text";
import { theme } from "../theme";
import { SessionDetails } from "./SessionDetails";

export interface ProgrammeProps {
  grids: DayGrid[];
  sessions: Session[];
  rooms: Room[];
  speakers: Speaker[];
  conflicts: Map<string, string[]>;
  timeZone: string;
  width: number;
  height: number;
  filter: string;
  /** Keys go elsewhere (filter being typed, help open). */
  active: boolean;
  /** Tells the app whether a session's details are open (Esc then closes them, not more). */
  onDetailsChange?: (open: boolean) => void;
}

const TIME_WIDTH = 6;

const covers = (c: GridCell, row: number, column: number) =>
  c.row <= row && row < c.row + c.rowSpan && c.column <= column && column < c.column + c.colSpan;

/** A stretch of one grid line: the sessions over it (two or more: a conflict, side by side). */
interface Segment {
  cells: GridCell[];
  column: number;
  span: number;
}

/**
 * One time row cut into segments. A session alone spans its columns; where sessions overlap
 * (a room booked twice) the column is shared between them, so that none is hidden.
 */
function segmentsOf(cells: GridCell[], row: number, columns: number): Segment[] {
  const at = (column: number) => cells.filter((x) => covers(x, row, column));
  const segments: Segment[] = [];
  for (let column = 0; column < columns; ) {
    const here = at(column);
    const [only] = here;
    if (here.length !== 1 || !only) {
      segments.push({ cells: here, column, span: 1 });
      column += 1;
      continue;
    }
    let span = 1;
    while (column + span < only.column + only.colSpan) {
      const next = at(column + span);
      if (next.length !== 1 || next[0] !== only) break;
      span += 1;
    }
    segments.push({ cells: here, column, span });
    column += span;
  }
  return segments;
}

/** Widths of `count` sessions sharing `width` characters, one space between them. */
function shares(width: number, count: number): number[] {
  const each = Math.max(1, Math.floor((width - (count - 1)) / count));
  return Array.from({ length: count }, (_, i) =>
    i === count - 1 ? Math.max(1, width - (count - 1) * (each + 1)) : each,
  );
}

/**
 * A day's grid: time down, rooms across; ! marks a session in conflict (drawn side by side with
 * the session it clashes with), ~ a draft not yet published, › the selected one. A tall terminal
 * gives each time row more lines, so that titles read whole.
 */
export function Programme(props: ProgrammeProps) {
  const { grids, sessions, rooms, conflicts, timeZone, width, height, filter, active } = props;
  const [dayIndex, setDayIndex] = useState(0);
  const [selected, setSelected] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const grid = grids[Math.min(dayIndex, grids.length - 1)];
  const needle = filter.toLowerCase();
  const matches = (c: GridCell) => needle === "" || c.title.toLowerCase().includes(needle);

  /** Sessions in reading order, once each (a session over non-adjacent rooms has several cells). */
  const order = useMemo(() => {
    const seen = new Set<string>();
    return [...(grid?.cells ?? [])]
      .sort((a, b) => a.row - b.row || a.column - b.column)
      .filter((c) => {
        if (seen.has(c.sessionId)) return false;
        seen.add(c.sessionId);
        return true;
      });
  }, [grid]);
  const navigable = order.filter(matches);
  const current = navigable[Math.min(selected, navigable.length - 1)] ?? null;

  const setDetails = (id: string | null) => {
    setOpen(id);
    props.onDetailsChange?.(id !== null);
  };

  // Read through a ref: a key may reach the handler of an earlier render.
  const latest = useRef({ open, navigable, current });
  latest.current = { open, navigable, current };

  useInput(
    (input, key) => {
      const { open, navigable, current } = latest.current;
      if (open) {
        if (key.escape || key.backspace) setDetails(null);
        return;
      }
      if (key.downArrow || input === "j") setSelected((s) => Math.min(s + 1, navigable.length - 1));
      else if (key.upArrow || input === "k") setSelected((s) => Math.max(s - 1, 0));
      else if (key.rightArrow || input === "l") {
        setDayIndex((d) => Math.min(d + 1, grids.length - 1));
        setSelected(0);
      } else if (key.leftArrow || input === "h") {
        setDayIndex((d) => Math.max(d - 1, 0));
        setSelected(0);
      } else if (key.return && current) setDetails(current.sessionId);
    },
    { isActive: active },
  );

  const opened = open ? sessions.find((s) => s.id === open) : undefined;
  if (opened)
    return (
      <SessionDetails
        session={opened}
        rooms={rooms}
        speakers={props.speakers}
        conflicts={conflicts.get(opened.id) ?? []}
        timeZone={timeZone}
        width={width}
        height={height}
      />
    );
  if (!grid || grid.rows.length === 0)
    return <Text color={theme.muted}>Aucune session ce jour-là.</Text>;

  const cols = Math.max(1, grid.columns.length);
  const colWidth = Math.max(4, Math.floor((width - TIME_WIDTH) / cols) - 1);
  const visible = Math.max(1, height - 3);
  // Lines per time row: one on a small terminal, up to three where the height allows.
  const perRow = Math.max(1, Math.min(3, Math.floor(visible / Math.max(1, grid.rows.length))));
  const visibleRows = Math.max(1, Math.floor(visible / perRow));
  const selRow = current?.row ?? 0;
  const offset = Math.max(
    0,
    Math.min(selRow - Math.floor(visibleRows / 2), grid.rows.length - visibleRows),
  );
  const rows = grid.rows.slice(offset, offset + visibleRows);
  const session = current ? sessions.find((s) => s.id === current.sessionId) : undefined;
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const isDraft = (id: string) => byId.get(id)?.published === false;
  const anyDraft = grid.cells.some((c) => isDraft(c.sessionId));
  const anyConflict = grid.cells.some((c) => conflicts.has(c.sessionId));
  const legend = [anyConflict ? "! conflit" : "", anyDraft ? "~ brouillon" : ""]
    .filter(Boolean)
    .join(" · ");

  /** What a session shows on line `line` of its extent (title wrapped, then ┆), `w` wide. */
  const cellText = (cell: GridCell, r: number, line: number, w: number) => {
    const isSel = current?.sessionId === cell.sessionId;
    const conflict = conflicts.has(cell.sessionId);
    const mark = `${isSel ? "›" : ""}${conflict ? "!" : isDraft(cell.sessionId) ? "~" : isSel ? "" : " "}`;
    const index = (r - cell.row) * perRow + line;
    const room = cell.rowSpan * perRow;
    if (!matches(cell)) return index === 0 ? " ·" : "";
    const text = w - [...mark].length;
    const lines = room > 1 ? wrapWords(cell.title, Math.max(1, text)) : [cell.title];
    // Whatever does not fit in the session's lines is cut on its last line.
    if (lines.length > room)
      lines.splice(
        room - 1,
        lines.length,
        lines
          .slice(room - 1)
          .map((l) => l.trimEnd())
          .join(" "),
      );
    const own = lines[index];
    // ┆ where a later time row starts inside the session; the extra lines of a row stay blank.
    if (own === undefined) return line === 0 ? " ┆" : "";
    return index === 0 ? `${mark}${own.trimEnd()}` : `${" ".repeat([...mark].length)}${own}`;
  };

  const drawLine = (r: number, line: number) => {
    const parts: React.ReactNode[] = [];
    for (const segment of segmentsOf(grid.cells, r, cols)) {
      const w = segment.span * (colWidth + 1) - 1;
      if (segment.cells.length === 0) {
        parts.push(" ".repeat(w + 1));
        continue;
      }
      const widths = shares(w, segment.cells.length);
      segment.cells.forEach((cell, i) => {
        const isSel = current?.sessionId === cell.sessionId;
        const conflict = conflicts.has(cell.sessionId);
        parts.push(
          <Text
            key={`${segment.column}-${cell.sessionId}`}
            color={isSel ? theme.selected.color : conflict ? theme.warn : undefined}
            backgroundColor={isSel ? theme.selected.backgroundColor : undefined}
            dimColor={!isSel && !conflict && isDraft(cell.sessionId)}
          >
            {fit(cellText(cell, r, line, widths[i] ?? w), widths[i] ?? w)}
          </Text>,
          " ",
        );
      });
    }
    return parts;
  };

  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{`Jour ${dayIndex + 1}/${grids.length} · ${formatShortDate(grid.day)}`}</Text>
        <Text color={theme.muted}>
          {fit(
            `  ${grid.rows.length} créneaux · ${offset + 1}–${offset + rows.length}${grids.length > 1 ? " · ←→ jour" : ""}${legend ? ` · ${legend}` : ""}`,
            Math.max(0, width - 22),
          )}
        </Text>
      </Text>
      <Text color={theme.muted}>
        {" ".repeat(TIME_WIDTH)}
        {grid.columns.map((c) => `${fit(shortRoom(c.name), colWidth)} `).join("")}
      </Text>
      {rows.flatMap((row, i) =>
        ["a", "b", "c"].slice(0, perRow).map((part, line) => (
          // The lines of one time row are fixed parts of it: a, b, c.
          <Text key={`${row.startsAt}-${part}`} wrap="truncate">
            <Text color={theme.muted}>{line === 0 ? `${row.time} ` : " ".repeat(TIME_WIDTH)}</Text>
            {drawLine(offset + i, line)}
          </Text>
        )),
      )}
      {session ? (
        <Text color={theme.accent}>
          {fit(
            `› ${conflicts.has(session.id) ? "! conflit · " : ""}${session.published ? "" : "brouillon · "}${formatTimeRange(session.startsAt, session.endsAt, timeZone)} ${session.title}`,
            width,
          )}
        </Text>
      ) : (
        <Text color={theme.muted}>Aucune session ne correspond au filtre.</Text>
      )}
    </Box>
  );
}

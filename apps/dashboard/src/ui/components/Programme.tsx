import type { DayGrid, GridCell, Room, Session, Speaker } from "@tribune/domain";
import { formatShortDate, formatTimeRange } from "@tribune/domain/format";
import { Box, Text, useInput } from "ink";
import { useMemo, useRef, useState } from "react";
import { fit, shortRoom } from "../text";
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

/** A day's grid: time down, rooms across; ! marks a session in conflict, › the selected one. */
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
  const selRow = current?.row ?? 0;
  const offset = Math.max(
    0,
    Math.min(selRow - Math.floor(visible / 2), grid.rows.length - visible),
  );
  const rows = grid.rows.slice(offset, offset + visible);
  const session = current ? sessions.find((s) => s.id === current.sessionId) : undefined;

  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{`Jour ${dayIndex + 1}/${grids.length} · ${formatShortDate(grid.day)}`}</Text>
        <Text color={theme.muted}>
          {fit(
            `  ${grid.rows.length} créneaux · ${offset + 1}–${offset + rows.length}${grids.length > 1 ? " · ←→ jour" : ""}`,
            Math.max(0, width - 22),
          )}
        </Text>
      </Text>
      <Text color={theme.muted}>
        {" ".repeat(TIME_WIDTH)}
        {grid.columns.map((c) => `${fit(shortRoom(c.name), colWidth)} `).join("")}
      </Text>
      {rows.map((row, i) => {
        const r = offset + i;
        const parts: React.ReactNode[] = [];
        for (let c = 0; c < cols; ) {
          const cell = grid.cells.find((x) => covers(x, r, c));
          if (!cell) {
            parts.push(" ".repeat(colWidth + 1));
            c += 1;
            continue;
          }
          const span = cell.colSpan - (c - cell.column);
          const w = span * (colWidth + 1) - 1;
          const isSel = current?.sessionId === cell.sessionId;
          const mark = conflicts.has(cell.sessionId) ? "!" : " ";
          const label =
            cell.row === r
              ? matches(cell)
                ? `${isSel ? "›" : mark}${isSel && mark === "!" ? "!" : ""}${cell.title}`
                : " ·"
              : ` ┆`;
          parts.push(
            <Text
              key={`${c}`}
              color={isSel ? theme.selected.color : mark === "!" ? theme.warn : undefined}
              backgroundColor={isSel ? theme.selected.backgroundColor : undefined}
            >
              {fit(label, w)}
            </Text>,
            " ",
          );
          c += span;
        }
        return (
          <Text key={row.startsAt} wrap="truncate">
            <Text color={theme.muted}>{`${row.time} `}</Text>
            {parts}
          </Text>
        );
      })}
      {session ? (
        <Text color={theme.accent}>
          {fit(
            `› ${conflicts.has(session.id) ? "! conflit · " : ""}${formatTimeRange(session.startsAt, session.endsAt, timeZone)} ${session.title}`,
            width,
          )}
        </Text>
      ) : (
        <Text color={theme.muted}>Aucune session ne correspond au filtre.</Text>
      )}
    </Box>
  );
}

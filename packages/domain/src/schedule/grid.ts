import { z } from "zod";
import type { Room } from "../congress/room";
import { type Session, SessionKind } from "../congress/session";
import { IsoDate, LocalTime, localDay, localTime } from "../kernel/time";

export const GridCell = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  kind: SessionKind,
  /** Zero-based indices into `rows` and `columns`. */
  row: z.int().nonnegative(),
  rowSpan: z.int().positive(),
  column: z.int().nonnegative(),
  colSpan: z.int().positive(),
});
export type GridCell = z.infer<typeof GridCell>;

export const DayGrid = z.object({
  day: IsoDate,
  columns: z.array(z.object({ roomId: z.uuid(), name: z.string() })),
  rows: z.array(z.object({ time: LocalTime, startsAt: z.string() })),
  cells: z.array(GridCell),
});
export type DayGrid = z.infer<typeof DayGrid>;

/** Rooms shown on a day: those open that day, plus any room a session uses anyway. */
export function roomsOfDay(day: string, rooms: Room[], sessionsOfDay: Session[]): Room[] {
  const used = new Set(sessionsOfDay.flatMap((s) => s.roomIds));
  return rooms
    .filter((r) => r.days.length === 0 || r.days.includes(day) || used.has(r.id))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, "fr"));
}

/** Splits sorted column indices into runs of adjacent columns: [0,1,3] → [[0,2],[3,1]]. */
function contiguousRuns(indices: number[]): [start: number, length: number][] {
  const runs: [number, number][] = [];
  for (const i of [...indices].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last[0] + last[1] === i) last[1] += 1;
    else runs.push([i, 1]);
  }
  return runs;
}

/**
 * The printed planning of one day, as the press kit's "LE PLANNING" tables draw it: one row
 * per distinct start time, one column per room, whole-venue entries across every column and
 * each session down every row that starts before it ends.
 */
export function buildDayGrid(
  day: string,
  rooms: Room[],
  sessions: Session[],
  timeZone: string,
): DayGrid {
  const ofDay = sessions
    .filter((s) => localDay(s.startsAt, timeZone) === day)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const columns = roomsOfDay(day, rooms, ofDay);
  const starts = [...new Set(ofDay.map((s) => Date.parse(s.startsAt)))].sort((a, b) => a - b);
  const rows = starts.map((t) => {
    const startsAt = new Date(t).toISOString();
    return { time: localTime(startsAt, timeZone), startsAt };
  });

  const cells: GridCell[] = [];
  for (const s of ofDay) {
    const row = starts.indexOf(Date.parse(s.startsAt));
    const end = Date.parse(s.endsAt);
    const rowSpan = starts.filter((t) => t >= Date.parse(s.startsAt) && t < end).length;
    const base = { sessionId: s.id, title: s.title, kind: s.kind, row, rowSpan };
    if (s.wholeVenue || s.roomIds.length === 0) {
      cells.push({ ...base, column: 0, colSpan: Math.max(columns.length, 1) });
      continue;
    }
    const indices = s.roomIds
      .map((id) => columns.findIndex((c) => c.id === id))
      .filter((i) => i >= 0);
    for (const [column, colSpan] of contiguousRuns(indices))
      cells.push({ ...base, column, colSpan });
  }
  return {
    day,
    columns: columns.map((r) => ({ roomId: r.id, name: r.name })),
    rows,
    cells,
  };
}

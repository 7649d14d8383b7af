import type { Room, Session } from "@tribune/domain/congress";
import { localDay, localMinutes, PARIS } from "@tribune/domain/kernel";
import { roomsOfDay } from "@tribune/domain/schedule";

/** Vertical scale of the grid: constant, so a session's height is its true length. */
export const PX_PER_MINUTE = 1.6;
/** Moves and resizes snap to this many minutes. */
export const SNAP_MINUTES = 5;
const DAY_MINUTES = 24 * 60;
const DEFAULT_START = 8 * 60;
const DEFAULT_END = 18 * 60;

export interface Block {
  /** Unique per drawn piece: a session over non-adjacent rooms is drawn once per run. */
  key: string;
  session: Session;
  /** Minutes since local midnight, clamped to the day. */
  startMinute: number;
  endMinute: number;
  /** Pixels from the top of the grid body. */
  top: number;
  height: number;
  /** In column units: left 1.5, width 0.5 is the right half of the second column. */
  left: number;
  width: number;
  /** True when the block spans every column (whole venue). */
  spansAll: boolean;
}

export interface DayLayout {
  day: string;
  columns: Room[];
  /** First and last minute shown, on whole hours. */
  startMinute: number;
  endMinute: number;
  height: number;
  blocks: Block[];
}

interface Piece {
  session: Session;
  start: number;
  end: number;
  column: number;
  span: number;
  lane: number;
}

/** Sessions that start on `day` (local time), sorted by start. */
export function sessionsOfDay(sessions: Session[], day: string, timeZone = PARIS): Session[] {
  return sessions
    .filter((s) => localDay(s.startsAt, timeZone) === day)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** [0,1,3] → [[0,2],[3,1]]: a session drawn over adjacent rooms is one block. */
function runs(indices: number[]): [start: number, length: number][] {
  const out: [number, number][] = [];
  for (const i of [...new Set(indices)].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && last[0] + last[1] === i) last[1] += 1;
    else out.push([i, 1]);
  }
  return out;
}

function piecesOf(s: Session, day: string, columns: Room[], timeZone: string): Piece[] {
  const start = localMinutes(s.startsAt, timeZone);
  // A session running past midnight is drawn down to the end of its first day.
  const rawEnd =
    localDay(s.endsAt, timeZone) === day ? localMinutes(s.endsAt, timeZone) : DAY_MINUTES;
  const end = Math.max(rawEnd, start + SNAP_MINUTES);
  const count = Math.max(columns.length, 1);
  const indices = s.roomIds
    .map((id) => columns.findIndex((c) => c.id === id))
    .filter((i) => i >= 0);
  if (s.wholeVenue || indices.length === 0) {
    return [{ session: s, start, end, column: 0, span: count, lane: 0 }];
  }
  return runs(indices).map(([column, span]) => ({ session: s, start, end, column, span, lane: 0 }));
}

const clash = (a: Piece, b: Piece) =>
  a.start < b.end &&
  b.start < a.end &&
  a.column < b.column + b.span &&
  b.column < a.column + a.span;

/**
 * Overlapping pieces (a conflict) get side-by-side lanes so no text is ever hidden: greedy lane
 * colouring, then every piece of a group of clashing pieces shares that group's lane count
 * (per-piece counts could put two clashing pieces in overlapping fractions of a column).
 */
function assignLanes(pieces: Piece[]): number[] {
  const parent = pieces.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as Piece;
    const taken = new Set<number>();
    for (let j = 0; j < i; j++) {
      const q = pieces[j] as Piece;
      if (!clash(p, q)) continue;
      taken.add(q.lane);
      parent[find(i)] = find(j);
    }
    while (taken.has(p.lane)) p.lane += 1;
  }
  const lanesOfGroup = new Map<number, number>();
  pieces.forEach((p, i) => {
    const g = find(i);
    lanesOfGroup.set(g, Math.max(lanesOfGroup.get(g) ?? 1, p.lane + 1));
  });
  return pieces.map((_, i) => lanesOfGroup.get(find(i)) ?? 1);
}

/**
 * Where each session of a day is drawn: rooms across (ordered, only those open that day or in
 * use), time down at a constant scale. Pure, so it runs once per data change and is tested.
 */
export function layoutDay(
  sessions: Session[],
  rooms: Room[],
  day: string,
  timeZone = PARIS,
): DayLayout {
  const ofDay = sessionsOfDay(sessions, day, timeZone);
  const columns = roomsOfDay(day, rooms, ofDay);
  const pieces = ofDay
    .flatMap((s) => piecesOf(s, day, columns, timeZone))
    .sort((a, b) => a.start - b.start || b.span - a.span || a.column - b.column);
  const lanes = assignLanes(pieces);

  const first = Math.min(DEFAULT_START, ...pieces.map((p) => p.start));
  const last = Math.max(DEFAULT_END, ...pieces.map((p) => p.end));
  const startMinute = Math.floor(first / 60) * 60;
  const endMinute = Math.min(DAY_MINUTES, Math.ceil(last / 60) * 60);

  const count = Math.max(columns.length, 1);
  const blocks: Block[] = [];
  const seen = new Map<string, number>();
  const push = (p: Piece, left: number, width: number) => {
    const n = seen.get(p.session.id) ?? 0;
    seen.set(p.session.id, n + 1);
    blocks.push({
      key: n === 0 ? p.session.id : `${p.session.id}:${n}`,
      session: p.session,
      startMinute: p.start,
      endMinute: p.end,
      top: (p.start - startMinute) * PX_PER_MINUTE,
      height: (p.end - p.start) * PX_PER_MINUTE,
      left,
      width,
      spansAll: width === count,
    });
  };
  pieces.forEach((p, i) => {
    const laneCount = lanes[i] ?? 1;
    if (laneCount === 1) {
      push(p, p.column, p.span);
      return;
    }
    // In a clash, a wide piece keeps its full width where nothing else runs and takes its
    // lane only in the columns where something does.
    const busy = (c: number) =>
      pieces.some((q) => q !== p && clash(q, { ...p, column: c, span: 1 }));
    let free = -1;
    for (let c = p.column; c <= p.column + p.span; c++) {
      const inside = c < p.column + p.span;
      if (inside && !busy(c)) {
        if (free < 0) free = c;
        continue;
      }
      if (free >= 0) push(p, free, c - free);
      free = -1;
      if (inside) push(p, c + p.lane / laneCount, 1 / laneCount);
    }
  });
  return {
    day,
    columns,
    startMinute,
    endMinute,
    height: (endMinute - startMinute) * PX_PER_MINUTE,
    blocks,
  };
}

/** 510 → "08:30". */
export function minuteLabel(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

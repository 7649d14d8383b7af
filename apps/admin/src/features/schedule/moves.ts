import type { Room, Session, SessionMove } from "@tribune/domain/congress";
import { formatTimeRange } from "@tribune/domain/format";
import { localMinutes, PARIS } from "@tribune/domain/kernel";
import { PX_PER_MINUTE, SNAP_MINUTES } from "./layout";

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** A drag distance in pixels → whole snapped minutes. */
export const snapMinutes = (pixels: number) =>
  Math.round(pixels / PX_PER_MINUTE / SNAP_MINUTES) * SNAP_MINUTES || 0;

const shift = (instant: string, minutes: number) =>
  new Date(Date.parse(instant) + minutes * MINUTE).toISOString();

/**
 * The move for a session dragged by `minutes` and `columns`, kept within its day and the day's
 * rooms; null when nothing would change. Whole-venue sessions only move in time.
 */
export function moveBy(
  session: Session,
  nudge: { minutes: number; columns: number },
  columns: Room[],
  timeZone = PARIS,
): SessionMove | null {
  const start = localMinutes(session.startsAt, timeZone);
  const length = Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / MINUTE);
  // Stay on the same day: the grid shows one day and the drop lands on it.
  const minutes = Math.min(Math.max(nudge.minutes, -start), DAY_MINUTES - length - start);

  let roomIds: string[] | undefined;
  const indices = session.roomIds.map((id) => columns.findIndex((c) => c.id === id));
  if (!session.wholeVenue && nudge.columns !== 0 && indices.length > 0 && !indices.includes(-1)) {
    const lowest = Math.min(...indices);
    const highest = Math.max(...indices);
    const delta = Math.min(Math.max(nudge.columns, -lowest), columns.length - 1 - highest);
    if (delta !== 0) roomIds = indices.map((i) => (columns[i + delta] as Room).id);
  }
  if (minutes === 0 && !roomIds) return null;
  return {
    id: session.id,
    startsAt: shift(session.startsAt, minutes),
    endsAt: shift(session.endsAt, minutes),
    ...(roomIds ? { roomIds } : {}),
  };
}

/** The move for a session whose end is dragged by `minutes`: at least one snap long. */
export function resizeBy(session: Session, minutes: number, timeZone = PARIS): SessionMove | null {
  const start = localMinutes(session.startsAt, timeZone);
  const length = Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / MINUTE);
  const next = Math.min(Math.max(length + minutes, SNAP_MINUTES), DAY_MINUTES - start);
  if (next === length) return null;
  return { id: session.id, startsAt: session.startsAt, endsAt: shift(session.startsAt, next) };
}

/** The session as it will be once `move` is applied: what the optimistic update shows. */
export const applyMove = (session: Session, move: SessionMove): Session => ({
  ...session,
  startsAt: move.startsAt,
  endsAt: move.endsAt,
  roomIds: move.roomIds ?? session.roomIds,
});

/** The server lists sessions by start, then title (PostgreSQL's C collation: code units). */
const listOrder = (a: Session, b: Session) =>
  Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
  (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);

/**
 * `list` with `session` in place of its previous version, at the place the server's list puts
 * it; the others stay the same objects in the same order. A refetch that finds the programme
 * as cached then leaves the query's data as it is: nothing to lay out or draw again.
 */
export function replaceInList(list: Session[], session: Session): Session[] {
  if (!list.some((s) => s.id === session.id)) return list;
  const others = list.filter((s) => s.id !== session.id);
  const at = others.findIndex((s) => listOrder(s, session) > 0);
  others.splice(at < 0 ? others.length : at, 0, session);
  return others;
}

/** "« Gala » : 20:05–23:35, Amphi Romanée Conti." for the live region. */
export function describePlace(session: Session, rooms: Room[], timeZone = PARIS): string {
  const where = session.wholeVenue
    ? "tout le lieu"
    : session.roomIds
        .map((id) => rooms.find((r) => r.id === id)?.name ?? "salle inconnue")
        .join(", ");
  return `« ${session.title} » : ${formatTimeRange(session.startsAt, session.endsAt, timeZone)}, ${where}.`;
}

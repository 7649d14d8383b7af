import type { Me } from "@tribune/domain/auth";
import {
  type Edition,
  type EditionState,
  editionState,
  type Room,
  type Session,
  type Speaker,
} from "@tribune/domain/congress";
import type { Dossier, MotionOverview } from "@tribune/domain/dossiers";
import { formatTime } from "@tribune/domain/format";
import { daysBetween, localDay } from "@tribune/domain/kernel";
import type { ManualFigure } from "@tribune/domain/press-kit";
import { buildDayGrid, type Conflict, type DayGrid, roomsOfDay } from "@tribune/domain/schedule";
import type { ComputedKeyFigure, SurveyCollection, SurveySummary } from "@tribune/domain/surveys";
import type { LiveCounts } from "@tribune/domain/union";

/** Everything the screens show, loaded once and then kept up to date by the live stream. */
export interface DashboardData {
  me: Me;
  edition: Edition;
  rooms: Room[];
  sessions: Session[];
  speakers: Speaker[];
  conflicts: Conflict[];
  /** Registrations and check-ins per subdivision (registration.counts / registration.live). */
  counts: LiveCounts | null;
  /** Surveys and key figures; null while the survey API is not there (or refused). */
  surveys: {
    list: SurveySummary[];
    figures: ComputedKeyFigure[];
    /** Responses per subdivision and per day (survey.collection), for the surveys given. */
    collections?: SurveyCollection[];
  } | null;
  /**
   * The edition's key figures quoted from someone else's publication, with their provenance
   * (pressKit.manualFigures); null while that API is not there (or refused).
   */
  cited?: ManualFigure[] | null;
  /** Dossiers with their timeline, and the CA motions; null while that API is not there. */
  dossiers?: { list: Dossier[]; motions: MotionOverview[] } | null;
}

/** What the survey screens show; reloaded when the server says responses came in. */
export type SurveysData = NonNullable<DashboardData["surveys"]>;

/** What the programme screens show; reloaded when the server says the programme changed. */
export type ProgrammeData = Pick<DashboardData, "rooms" | "sessions" | "speakers" | "conflicts">;

export const congressDays = (edition: Edition) => daysBetween(edition.firstDay, edition.lastDay);

export function dayGrids(data: DashboardData): DayGrid[] {
  return congressDays(data.edition).map((day) =>
    buildDayGrid(day, data.rooms, data.sessions, data.edition.timeZone),
  );
}

/** Sessions named by at least one conflict, with the first conflict's sentence. */
export function conflictMessages(conflicts: Conflict[]): Map<string, string[]> {
  const bySession = new Map<string, string[]>();
  for (const c of conflicts)
    for (const id of c.sessionIds) bySession.set(id, [...(bySession.get(id) ?? []), c.message]);
  return bySession;
}

const DAY_MS = 86_400_000;

/** Whole days from `now` (its day in the edition's zone) to the congress's first day. */
function daysLeft(edition: Edition, now: Date): number {
  const today = localDay(now.toISOString(), edition.timeZone);
  return Math.round((Date.parse(edition.firstDay) - Date.parse(today)) / DAY_MS);
}

/**
 * Where the edition stands, by the domain's one rule (`editionState`), so that the header and
 * the overview never contradict each other: "dans 12 jours (J-12)", "jour 1, 10:42",
 * "congrès terminé", "édition archivée".
 */
export function editionMoment(edition: Edition, now: Date): string {
  const state = editionState(edition, now);
  if (state === "archived") return "édition archivée";
  if (state === "finished") return "congrès terminé";
  if (state === "running") {
    const index = congressDays(edition).indexOf(localDay(now.toISOString(), edition.timeZone));
    return `jour ${Math.max(1, index + 1)}, ${formatTime(now.toISOString(), edition.timeZone)}`;
  }
  const left = daysLeft(edition, now);
  return left <= 0 ? "aujourd'hui" : left === 1 ? "demain (J-1)" : `dans ${left} jours (J-${left})`;
}

export const congressState = (edition: Edition, now: Date): EditionState =>
  editionState(edition, now);

export const isDuringCongress = (edition: Edition, now: Date) =>
  editionState(edition, now) === "running";

export interface RoomNowNext {
  /** A room, "Salle 2 + 3" for rooms showing the same thing, or "Tout le lieu". */
  room: string;
  now: Session | null;
  next: Session | null;
}

/** What runs now and what comes next in each room open today (whole-venue entries included). */
export function nowAndNext(data: DashboardData, now: Date): RoomNowNext[] {
  const tz = data.edition.timeZone;
  const today = localDay(now.toISOString(), tz);
  const t = now.getTime();
  const ofDay = data.sessions
    .filter((s) => localDay(s.startsAt, tz) === today)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const perRoom = roomsOfDay(today, data.rooms, ofDay).map((room) => {
    const here = ofDay.filter((s) => s.wholeVenue || s.roomIds.includes(room.id));
    return {
      room: room.name,
      now: here.find((s) => Date.parse(s.startsAt) <= t && t < Date.parse(s.endsAt)) ?? null,
      next: here.find((s) => Date.parse(s.startsAt) > t) ?? null,
    };
  });
  // Rooms showing the same pair once: a whole-venue plenary is one line, not one per room.
  const groups: (RoomNowNext & { count: number })[] = [];
  for (const r of perRoom) {
    const same = groups.find((g) => g.now?.id === r.now?.id && g.next?.id === r.next?.id);
    if (same) same.count += 1;
    else groups.push({ ...r, count: 1 });
  }
  return groups.map(({ count, ...g }) => ({
    ...g,
    room:
      count === perRoom.length && count > 1
        ? "Tout le lieu"
        : count > 1
          ? `${g.room} (+${count - 1})`
          : g.room,
  }));
}

import { z } from "zod";
import type { Edition } from "../congress/edition";
import type { Room } from "../congress/room";
import { SESSION_KIND_LABELS, SESSION_KINDS, type Session } from "../congress/session";
import { formatEditionDates } from "../format/dates";
import { daysBetween } from "../kernel/time";
import { dayLabel } from "../press-kit/french";
import { PlanningDay } from "../press-kit/model";
import { buildDayGrid } from "./grid";
import { ProgrammeEntry } from "./programme";

/**
 * The printable programme (programme.pdf): for each day the press kit's planning grid, then the
 * sessions of the day listed by time with their rooms and speakers. Every page names the
 * edition and its venue. Drafts are never in it: the service gives published sessions only.
 */
export const PrintableProgramme = z.object({
  /** "32e congrès — Soigner demain" */
  title: z.string(),
  /** "Palais des congrès de Dijon, Dijon · 22 et 23 janvier 2026" */
  place: z.string(),
  year: z.int(),
  days: z.array(PlanningDay),
  listing: z.array(
    z.object({ day: z.string(), label: z.string(), entries: z.array(ProgrammeEntry) }),
  ),
});
export type PrintableProgramme = z.infer<typeof PrintableProgramme>;

export function buildPrintableProgramme(input: {
  edition: Edition;
  rooms: Room[];
  /** Published sessions. */
  sessions: Session[];
  /** The same sessions as the public programme gives them (names resolved, sorted). */
  entries: ProgrammeEntry[];
}): PrintableProgramme {
  const { edition, rooms, sessions, entries } = input;
  const days = daysBetween(edition.firstDay, edition.lastDay);
  const planning = days.flatMap((day) => {
    const grid = buildDayGrid(day, rooms, sessions, edition.timeZone);
    if (grid.cells.length === 0) return [];
    const kinds = new Set(grid.cells.map((c) => c.kind));
    const legend = SESSION_KINDS.filter((k) => kinds.has(k)).map((kind) => ({
      kind,
      label: SESSION_KIND_LABELS[kind],
    }));
    return [{ day, label: dayLabel(day, { year: true }), weekday: dayLabel(day), grid, legend }];
  });
  const listingDays = [...new Set([...days, ...entries.map((e) => e.day)])].sort();
  return {
    title: `${edition.number}e congrès — ${edition.theme}`,
    place: `${edition.venue}, ${edition.city} · ${formatEditionDates(edition.firstDay, edition.lastDay)}`,
    year: edition.year,
    days: planning,
    listing: listingDays
      .map((day) => ({
        day,
        label: dayLabel(day, { year: true }),
        entries: entries.filter((e) => e.day === day),
      }))
      .filter((d) => d.entries.length > 0),
  };
}

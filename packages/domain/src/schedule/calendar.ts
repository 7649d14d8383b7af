import { SESSION_KIND_LABELS, THEME_LABELS } from "../congress/session";
import { needsSignup } from "../union/signup";
import { entryUrl, type OpenProgramme, stampOf, venueOf } from "./open-formats";

/** One VEVENT of the programme's calendar, ready for an iCalendar writer. */
export interface CalendarEvent {
  /** Stable across changes and exports: the calendar apps replace the event they already have. */
  uid: string;
  sequence: number;
  lastModified: string;
  /** Instants (ISO, UTC); the writer prints them as wall time in `timeZone`. */
  start: string;
  end: string;
  summary: string;
  location: string;
  categories: string[];
  description: string;
  url: string;
}

export interface ProgrammeCalendar {
  name: string;
  description: string;
  timeZone: string;
  events: CalendarEvent[];
}

/** The domain of every UID: a session is `<its id>@tribune`, whatever server exports it. */
export const CALENDAR_UID_DOMAIN = "tribune";

/**
 * The published programme as calendar events. LOCATION names the rooms then the venue; a
 * whole-venue session without a room (welcome, breaks, lunch) names the venue alone. CATEGORIES is the kind's
 * French label. DESCRIPTION starts with the speakers, then the session's text and its themes.
 */
export function toCalendar(open: OpenProgramme): ProgrammeCalendar {
  const { edition, entries } = open.programme;
  const venue = venueOf(open.programme);
  return {
    name: `Programme du ${edition.number}e congrès (${edition.year})`,
    description: `${edition.theme} — ${venue}`,
    timeZone: edition.timeZone,
    events: entries.map((entry) => {
      const stamp = stampOf(open, entry);
      const rooms = entry.rooms;
      const description = [
        entry.speakers.length > 0 ? `Intervenant·es : ${entry.speakers.join(", ")}` : "",
        entry.partner ? `Avec ${entry.partner}` : "",
        entry.description.trim(),
        entry.themes.length > 0
          ? `Thèmes : ${entry.themes.map((t) => THEME_LABELS[t]).join(", ")}`
          : "",
      ].filter(Boolean);
      return {
        uid: `${entry.id}@${CALENDAR_UID_DOMAIN}`,
        sequence: stamp.revision,
        lastModified: stamp.updatedAt,
        start: entry.startsAt,
        end: entry.endsAt,
        summary: entry.title,
        location: rooms.length > 0 ? `${rooms.join(", ")} — ${venue}` : venue,
        categories: [SESSION_KIND_LABELS[entry.kind]],
        description: description.join("\n\n"),
        url: entryUrl(open, entry),
      };
    }),
  };
}

/**
 * One attendee's calendar: the sessions everyone attends (those taking no sign-up) and the
 * workshops and toolboxes where they hold a confirmed place — not those they wait for.
 */
export function personalCalendar(
  open: OpenProgramme,
  confirmedSessionIds: ReadonlySet<string>,
): ProgrammeCalendar {
  const { edition, entries } = open.programme;
  const mine = entries.filter((e) => !needsSignup(e.kind) || confirmedSessionIds.has(e.id));
  return {
    ...toCalendar({ ...open, programme: { ...open.programme, entries: mine } }),
    name: `Mon programme du ${edition.number}e congrès (${edition.year})`,
  };
}

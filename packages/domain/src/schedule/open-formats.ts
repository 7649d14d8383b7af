import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { ProgrammeEntry, PublicProgramme } from "./programme";

/**
 * What the open formats (iCalendar, frab/c3voc schedule) need of a session beyond the public
 * programme: its stable identifier there and how often it changed. The service reads them from
 * the sessions table (guid, revision, updated_at).
 */
export interface SessionStampOf {
  guid: string;
  /** Grows by one at each change: iCalendar SEQUENCE. */
  revision: number;
  /** ISO instant of the last change: iCalendar LAST-MODIFIED. */
  updatedAt: string;
}

/** The published programme and what the formats add to it. */
export interface OpenProgramme {
  programme: Pick<PublicProgramme, "edition" | "entries">;
  stamps: ReadonlyMap<string, SessionStampOf>;
  /** The server's public address ("https://tribune.example.org"), without a trailing slash. */
  baseUrl: string;
}

/** The stamp of an entry; a session without one (never expected) gets a neutral one. */
export function stampOf(open: OpenProgramme, entry: ProgrammeEntry): SessionStampOf {
  return open.stamps.get(entry.id) ?? { guid: entry.id, revision: 0, updatedAt: entry.startsAt };
}

/** The public page of an edition's programme, at the session's own anchor. */
export function entryUrl(open: OpenProgramme, entry: ProgrammeEntry): string {
  return `${programmePageUrl(open)}#entry-${entry.id}`;
}

export function programmePageUrl(open: OpenProgramme): string {
  return `${open.baseUrl}/public/programme?edition=${open.programme.edition.year}`;
}

/** "2026-01-22T09:00:00+01:00": an instant as the wall time of `timeZone` with its offset. */
export function localIsoWithOffset(instant: string, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/** "Palais des congrès, Lyon": where the edition takes place. */
export function venueOf(programme: Pick<PublicProgramme, "edition">): string {
  const { venue, city } = programme.edition;
  return `${venue}, ${city}`;
}

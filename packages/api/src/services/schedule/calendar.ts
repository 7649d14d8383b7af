import { TZDate } from "@date-fns/tz";
import { type ProgrammeCalendar, toCalendar } from "@tribune/domain/schedule";
import ical from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { ServiceContext } from "../kit";
import { type OpenFormatQuery, openProgramme } from "./open-formats";

/** The VTIMEZONE block of an IANA zone, from the maintained tz data of timezones-ical-library. */
function vtimezone(zone: string): string | null {
  const [block] = tzlib_get_ical_block(zone);
  return block?.startsWith("BEGIN:VTIMEZONE") ? block : null;
}

/**
 * The published programme as an iCalendar file (RFC 5545): one VEVENT per session, its times
 * as wall time in the edition's zone with the zone's VTIMEZONE. DTSTAMP is the session's last
 * change, not the time of the request: the same programme gives the same bytes (ETag, caches).
 */
export async function programmeCalendar(
  ctx: ServiceContext,
  input: OpenFormatQuery,
): Promise<string> {
  return calendarFile(toCalendar(await openProgramme(ctx, input)));
}

/** A calendar the domain built, written as an iCalendar file. */
export function calendarFile(calendar: ProgrammeCalendar): string {
  const zone = calendar.timeZone;
  const ics = ical({
    name: calendar.name,
    description: calendar.description,
    prodId: { company: "Tribune", product: "programme", language: "FR" },
    // name null: the zone is named on each event, so DTSTAMP and LAST-MODIFIED stay in UTC.
    timezone: { name: null, generator: vtimezone },
  });
  for (const event of calendar.events) {
    ics.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp: new Date(event.lastModified),
      lastModified: new Date(event.lastModified),
      start: new TZDate(event.start, zone),
      end: new TZDate(event.end, zone),
      timezone: zone,
      summary: event.summary,
      location: event.location,
      description: event.description,
      categories: event.categories.map((name) => ({ name })),
      url: event.url,
    });
  }
  return ics.toString();
}

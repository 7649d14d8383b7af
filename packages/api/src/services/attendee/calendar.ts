import { signupsOfRegistration } from "@tribune/db/repos/signups";
import { personalCalendar } from "@tribune/domain/schedule";
import type { ServiceContext } from "../kit";
import { calendarFile } from "../schedule/calendar";
import { openProgramme } from "../schedule/open-formats";
import { attendeeOf } from "./space";

/**
 * The attendee's own calendar feed (`agenda.ics?jeton=…`, subscribed to from their space): the
 * published sessions everyone attends and the workshops where they hold a confirmed place. The
 * token is the space's long-lived one, so the subscription keeps working until it expires.
 */
export async function attendeeCalendarFile(
  ctx: ServiceContext,
  { token, baseUrl }: { token: string; baseUrl: string },
): Promise<string> {
  const { registration, edition } = await attendeeOf(ctx, token);
  const confirmed = (await signupsOfRegistration(ctx.db, registration.id))
    .filter((s) => s.status === "registered")
    .map((s) => s.sessionId);
  const open = await openProgramme(ctx, { year: edition.year, baseUrl });
  return calendarFile(personalCalendar(open, new Set(confirmed)));
}

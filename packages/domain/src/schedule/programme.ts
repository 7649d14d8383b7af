import { z } from "zod";
import { Edition } from "../congress/edition";
import { EditionStatus } from "../congress/editionLifecycle";
import type { Partner, Speaker } from "../congress/people";
import type { Room } from "../congress/room";
import { type Session, SessionKind, Theme } from "../congress/session";
import { IsoDate, LocalTime, localDay, localTime } from "../kernel/time";

/** One entry of the public programme, as `programme.json` and the public page give it. */
export const ProgrammeEntry = z.object({
  id: z.uuid(),
  day: IsoDate,
  start: LocalTime,
  end: LocalTime,
  startsAt: z.string(),
  endsAt: z.string(),
  kind: SessionKind,
  title: z.string(),
  description: z.string(),
  rooms: z.array(z.string()),
  wholeVenue: z.boolean(),
  speakers: z.array(z.string()),
  themes: z.array(Theme),
  partner: z.string().nullable(),
});
export type ProgrammeEntry = z.infer<typeof ProgrammeEntry>;

/** The published programme of an edition, for anyone: the public page and programme.json. */
export const PublicProgramme = z.object({
  edition: Edition,
  entries: z.array(ProgrammeEntry),
  /** The edition's state now (preparation, registration open, running, finished, archived). */
  status: EditionStatus,
  /**
   * True while nothing is published and the congress is still to come or running: the pages
   * say « Programme en préparation » instead of an empty grid.
   */
  inPreparation: z.boolean(),
});
export type PublicProgramme = z.infer<typeof PublicProgramme>;

/** What schedule.live tells: "subscribed" on every (re)connection, "changed" after a change. */
export const ProgrammeChange = z.object({
  editionId: z.uuid(),
  reason: z.enum(["subscribed", "changed"]),
});
export type ProgrammeChange = z.infer<typeof ProgrammeChange>;

/** Which edition's programme (rooms, sessions, conflicts) a reader asks for. */
export const ProgrammeQuery = z.object({ editionId: z.uuid() });
export type ProgrammeQuery = z.infer<typeof ProgrammeQuery>;

/** One day of an edition's programme, as the printed planning shows it. */
export const DayGridQuery = ProgrammeQuery.extend({ day: IsoDate });
export type DayGridQuery = z.infer<typeof DayGridQuery>;

export function toProgramme(
  sessions: Session[],
  refs: { rooms: Room[]; speakers: Speaker[]; partners: Partner[]; timeZone: string },
): ProgrammeEntry[] {
  const roomOrder = new Map(refs.rooms.map((r) => [r.id, r]));
  const name = <T extends { id: string; name: string }>(list: T[], id: string) =>
    list.find((x) => x.id === id)?.name;
  return [...sessions]
    .sort(
      (a, b) =>
        Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
        Math.min(...a.roomIds.map((id) => roomOrder.get(id)?.order ?? 99)) -
          Math.min(...b.roomIds.map((id) => roomOrder.get(id)?.order ?? 99)),
    )
    .map((s) => ({
      id: s.id,
      day: localDay(s.startsAt, refs.timeZone),
      start: localTime(s.startsAt, refs.timeZone),
      end: localTime(s.endsAt, refs.timeZone),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      kind: s.kind,
      title: s.title,
      description: s.description,
      rooms: s.roomIds.flatMap((id) => name(refs.rooms, id) ?? []),
      wholeVenue: s.wholeVenue,
      speakers: s.speakerIds.flatMap((id) => name(refs.speakers, id) ?? []),
      themes: s.themes,
      partner: s.partnerId ? (name(refs.partners, s.partnerId) ?? null) : null,
    }));
}

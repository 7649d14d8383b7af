import { z } from "zod";
import type { Edition } from "../congress/edition";
import type { Speaker } from "../congress/people";
import type { Room } from "../congress/room";
import type { Session } from "../congress/session";
import { formatCongressDay, formatCongressSlot, formatSlot, formatTime } from "../format";
import { endOfLocalDay, instantFromLocal, localDay, overlaps } from "../kernel/time";

export const CONFLICT_KINDS = [
  "room_double_booked",
  "venue_double_booked",
  "speaker_double_booked",
  "speaker_unavailable",
  "outside_edition",
  "room_closed",
  "unplaced",
] as const;
export const ConflictKind = z.enum(CONFLICT_KINDS);
export type ConflictKind = z.infer<typeof ConflictKind>;

export const Conflict = z.object({
  kind: ConflictKind,
  sessionIds: z.array(z.uuid()).min(1),
  roomId: z.uuid().nullable(),
  speakerId: z.uuid().nullable(),
  /** A sentence an organiser can act on, in French. */
  message: z.string(),
});
export type Conflict = z.infer<typeof Conflict>;

export interface ScheduleData {
  edition: Edition;
  rooms: Room[];
  sessions: Session[];
  speakers: Speaker[];
}

const quoted = (s: Session) => `« ${s.title} »`;

/**
 * Every conflict of a programme. Conflicts are warnings, not errors: an organiser may save a
 * draft that still has some, and must see all of them. Each pair is reported once.
 */
export function findConflicts({ edition, rooms, sessions, speakers }: ScheduleData): Conflict[] {
  const tz = edition.timeZone;
  const conflicts: Conflict[] = [];
  const roomsById = new Map(rooms.map((r) => [r.id, r]));
  // Instants parsed once: the pair loop below compares every two sessions overlapping in time
  // (thousands of pairs on a busy day, recomputed in the grid each time a block is dropped).
  const timed = sessions
    .map((s) => ({ s, start: Date.parse(s.startsAt), end: Date.parse(s.endsAt) }))
    .sort((a, b) => a.start - b.start);
  const sorted = timed.map((t) => t.s);
  const editionStart = instantFromLocal(edition.firstDay, "00:00", tz);
  const editionEnd = endOfLocalDay(edition.lastDay, tz);

  for (const s of sorted) {
    if (
      Date.parse(s.startsAt) < Date.parse(editionStart) ||
      Date.parse(s.endsAt) > Date.parse(editionEnd)
    ) {
      conflicts.push({
        kind: "outside_edition",
        sessionIds: [s.id],
        roomId: null,
        speakerId: null,
        message: `${quoted(s)} (${formatSlot(s.startsAt, s.endsAt, tz)}) est en dehors des jours du congrès.`,
      });
    }
    if (!s.wholeVenue && s.roomIds.length === 0) {
      // Happens when the only room of a session is deleted: it must be placed again.
      conflicts.push({
        kind: "unplaced",
        sessionIds: [s.id],
        roomId: null,
        speakerId: null,
        message: `${quoted(s)} n'a plus de salle : choisissez-en une, ou tout le lieu.`,
      });
    }
    const day = localDay(s.startsAt, tz);
    for (const roomId of s.roomIds) {
      const room = roomsById.get(roomId);
      if (room && room.days.length > 0 && !room.days.includes(day)) {
        conflicts.push({
          kind: "room_closed",
          sessionIds: [s.id],
          roomId,
          speakerId: null,
          message: `${quoted(s)} est placée en ${room.name}, salle non ouverte le ${formatCongressDay(day)}.`,
        });
      }
    }
  }

  // Sorted by start: once b starts after a ends, no later session can overlap a.
  for (let i = 0; i < timed.length; i++) {
    const { s: a, start: aStart, end: aEnd } = timed[i] as (typeof timed)[number];
    for (let j = i + 1; j < timed.length; j++) {
      const { s: b, start: bStart, end: bEnd } = timed[j] as (typeof timed)[number];
      if (bStart >= aEnd) break;
      if (!(aStart < bEnd && bStart < aEnd)) continue;
      // Formatted only for a pair that is a conflict: on a busy day most pairs overlapping in
      // time are in different rooms, and a time-zone conversion each made the grid lag.
      const when = () => formatTime(b.startsAt, tz);
      if (a.wholeVenue || b.wholeVenue) {
        const venueWide = a.wholeVenue ? a : b;
        const other = venueWide === a ? b : a;
        conflicts.push({
          kind: "venue_double_booked",
          sessionIds: [a.id, b.id],
          roomId: null,
          speakerId: null,
          message: `${quoted(other)} chevauche ${quoted(venueWide)}, qui occupe tout le lieu (à ${when()}).`,
        });
      } else {
        for (const roomId of a.roomIds.filter((r) => b.roomIds.includes(r))) {
          const name = roomsById.get(roomId)?.name ?? "une salle supprimée";
          conflicts.push({
            kind: "room_double_booked",
            sessionIds: [a.id, b.id],
            roomId,
            speakerId: null,
            message: `${name} : ${quoted(a)} et ${quoted(b)} ont lieu en même temps (à ${when()}).`,
          });
        }
      }
      for (const speakerId of a.speakerIds.filter((p) => b.speakerIds.includes(p))) {
        const name = speakers.find((p) => p.id === speakerId)?.name ?? "Un·e intervenant·e";
        conflicts.push({
          kind: "speaker_double_booked",
          sessionIds: [a.id, b.id],
          roomId: null,
          speakerId,
          message: `${name} est attendu·e à deux endroits : ${quoted(a)} et ${quoted(b)} (à ${when()}).`,
        });
      }
    }
  }

  for (const speaker of speakers) {
    for (const s of sorted) {
      if (!s.speakerIds.includes(speaker.id)) continue;
      const window = speaker.unavailable.find((w) => overlaps(w, s));
      if (!window) continue;
      const why = window.reason ? ` (${window.reason})` : "";
      conflicts.push({
        kind: "speaker_unavailable",
        sessionIds: [s.id],
        roomId: null,
        speakerId: speaker.id,
        message: `${speaker.name} n'est pas disponible pour ${quoted(s)}, ${formatCongressSlot(s.startsAt, s.endsAt, tz)}${why}.`,
      });
    }
  }
  return conflicts;
}

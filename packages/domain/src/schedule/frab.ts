import type { SessionKind } from "../congress/session";
import { SESSION_KIND_LABELS } from "../congress/session";
import { daysBetween, instantFromLocal } from "../kernel/time";
import {
  entryUrl,
  localIsoWithOffset,
  type OpenProgramme,
  programmePageUrl,
  stampOf,
} from "./open-formats";
import type { ProgrammeEntry } from "./programme";

/**
 * The frab / c3voc schedule (version 1), the format Giggity, ConfClerk, EventFahrplan and the
 * c3voc tools read (`../shared/interop/schema.json`, `schedule.xml.xsd`).
 *
 * Where a Tribune session does not fit one room:
 * - a whole-venue session without a room (welcome, breaks, lunch) is placed in a room named
 *   after the venue (`edition.venue`), listed with the rooms; the schedule apps show it once, in
 *   a column of its own. One held in a room (the opening plenary in the amphitheatre) stays in
 *   its room, where people go. Either way its subtitle starts with « Tout le lieu »: nothing
 *   else runs at the same time (the importer reads the mark back);
 * - a multi-room session is one event (one guid: favourites and reminders keep working) in a
 *   room named after its rooms joined by " + " ("Amphi A + Salle 2"), also listed with the
 *   rooms. Duplicating it in each room would give one session two guids.
 * The importer reads both names back (`roomPlacement`).
 */
export interface FrabPerson {
  name: string;
  public_name: string;
}

export interface FrabEvent {
  guid: string;
  /** Deprecated by the format but required: derived from the guid, unique in the export. */
  id: number;
  date: string;
  start: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  /** The kind's French label: what apps filter and colour by; the importer maps it back. */
  track: string;
  /** The frab type closest to the kind (talk, workshop…). */
  type: string;
  language: string;
  abstract: string;
  description: string;
  persons: FrabPerson[];
  links: never[];
}

export interface FrabRoom {
  name: string;
  guid: string;
}

export interface FrabDay {
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  rooms: Record<string, FrabEvent[]>;
}

export interface FrabSchedule {
  $schema: string;
  generator: { name: string; url: string };
  schedule: {
    version: string;
    base_url: string;
    conference: {
      acronym: string;
      title: string;
      start: string;
      end: string;
      daysCount: number;
      timeslot_duration: string;
      time_zone_name: string;
      url: string;
      rooms: FrabRoom[];
      days: FrabDay[];
    };
  };
}

/** The language of every session: the congress is held in French. */
export const PROGRAMME_LANGUAGE = "fr";

/** Joins the rooms of a multi-room session into the name of its frab room. */
export const MULTI_ROOM_SEPARATOR = " + ";

/** Starts the subtitle of a whole-venue session: nothing else runs beside it. */
export const WHOLE_VENUE_MARK = "Tout le lieu";
export const SUBTITLE_SEPARATOR = " · ";

/** The frab `type` of each kind: the small vocabulary apps know. */
export const FRAB_TYPE_OF_KIND: Record<SessionKind, string> = {
  pleniere: "talk",
  table_ronde: "discussion",
  boite_a_outils: "workshop",
  atelier: "workshop",
  flash_actualite: "talk",
  conference_partenaire: "talk",
  intervention_partenaire: "talk",
  prix: "other",
  accueil: "other",
  pause: "other",
  repas: "other",
  cloture: "talk",
  soiree: "other",
};

/** "congres2026": the conference's short name (lower-case letters and digits). */
export function acronymOf(year: number): string {
  return `congres${year}`;
}

/** "table-ronde-sante-mentale": a title as a URL part (ASCII, lower case, hyphens). */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "01:30" from two instants. */
export function frabDuration(startsAt: string, endsAt: string): string {
  const minutes = Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** A guid as a positive integer below 2^31, unique among `taken` (the format's legacy id). */
function legacyId(guid: string, taken: Set<number>): number {
  let id = (Number.parseInt(guid.replace(/-/g, "").slice(0, 7), 16) % 2_000_000_000) + 1;
  while (taken.has(id)) id += 1;
  taken.add(id);
  return id;
}

/** A deterministic UUID naming a group of rooms: the bytes of theirs, combined. */
function combinedGuid(guids: string[]): string {
  const hex = guids
    .map((g) => g.replace(/-/g, ""))
    .reduce((acc, g) =>
      Array.from({ length: 32 }, (_, i) =>
        (Number.parseInt(acc[i] ?? "0", 16) ^ Number.parseInt(g[i] ?? "0", 16)).toString(16),
      ).join(""),
    );
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The frab room of an entry (see the comment at the top). */
export function frabRoomName(entry: ProgrammeEntry, venue: string): string {
  if (entry.rooms.length === 0) return venue;
  return entry.rooms.join(MULTI_ROOM_SEPARATOR);
}

/** Rooms known to the export: their name and id, in the edition's order. */
export interface RoomRef {
  id: string;
  name: string;
}

export function toFrabSchedule(open: OpenProgramme & { rooms: RoomRef[] }): FrabSchedule {
  const { edition, entries } = open.programme;
  const zone = edition.timeZone;
  const acronym = acronymOf(edition.year);
  const roomGuid = new Map<string, string>(open.rooms.map((r) => [r.name, r.id]));
  const rooms: FrabRoom[] = [];
  const seen = new Set<string>();
  const addRoom = (name: string, entry: ProgrammeEntry) => {
    if (seen.has(name)) return;
    seen.add(name);
    const guid =
      name === edition.venue
        ? edition.id
        : (roomGuid.get(name) ??
          combinedGuid(entry.rooms.map((r) => roomGuid.get(r) ?? edition.id)));
    rooms.push({ name, guid });
  };
  // Rooms in the edition's order first, then the venue and the groups as they appear.
  for (const room of open.rooms) {
    if (entries.some((e) => !e.wholeVenue && e.rooms.length === 1 && e.rooms[0] === room.name)) {
      seen.add(room.name);
      rooms.push({ name: room.name, guid: room.id });
    }
  }
  const taken = new Set<number>();
  const days = new Map<string, FrabDay>();
  // Every day of the edition, even one without a published session (the XML needs one day).
  const dayList = [
    ...new Set([...daysBetween(edition.firstDay, edition.lastDay), ...entries.map((e) => e.day)]),
  ].sort();
  for (const [i, date] of dayList.entries()) {
    days.set(date, {
      index: i + 1,
      date,
      day_start: localIsoWithOffset(instantFromLocal(date, "00:00", zone), zone),
      day_end: localIsoWithOffset(instantFromLocal(date, "23:59", zone), zone),
      rooms: {},
    });
  }
  for (const entry of entries) {
    const stamp = stampOf(open, entry);
    const room = frabRoomName(entry, edition.venue);
    addRoom(room, entry);
    const id = legacyId(stamp.guid, taken);
    const titleSlug = slugify(entry.title) || "session";
    const day = days.get(entry.day) as FrabDay;
    const event: FrabEvent = {
      guid: stamp.guid,
      id,
      date: localIsoWithOffset(entry.startsAt, zone),
      start: entry.start,
      duration: frabDuration(entry.startsAt, entry.endsAt),
      room,
      slug: `${acronym}-${id}-${titleSlug}`,
      url: entryUrl(open, entry),
      title: entry.title,
      subtitle: [
        entry.wholeVenue ? WHOLE_VENUE_MARK : "",
        entry.partner ? `Avec ${entry.partner}` : "",
      ]
        .filter(Boolean)
        .join(SUBTITLE_SEPARATOR),
      track: SESSION_KIND_LABELS[entry.kind],
      type: FRAB_TYPE_OF_KIND[entry.kind],
      language: PROGRAMME_LANGUAGE,
      abstract: entry.description,
      description: entry.description,
      persons: entry.speakers.map((name) => ({ name, public_name: name })),
      links: [],
    };
    day.rooms[room] = [...(day.rooms[room] ?? []), event];
  }
  const versions = [...open.stamps.values()].map((s) => s.updatedAt).sort();
  return {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: { name: "Tribune", url: open.baseUrl },
    schedule: {
      version: versions.at(-1) ?? edition.firstDay,
      base_url: `${open.baseUrl}/`,
      conference: {
        acronym,
        title: `${edition.number}e congrès — ${edition.theme}`,
        start: edition.firstDay,
        end: edition.lastDay,
        daysCount: dayList.length,
        timeslot_duration: "00:15",
        time_zone_name: zone,
        url: programmePageUrl(open),
        rooms,
        days: [...days.values()],
      },
    },
  };
}

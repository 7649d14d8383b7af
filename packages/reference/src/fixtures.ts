import type { EditionWithBudget, Partner, Room, Session } from "@tribune/domain/congress";
import { instantFromLocal } from "@tribune/domain/kernel";
import {
  EDITION_2026,
  PARTNERS_2026,
  PROGRAMME_2026,
  type ReferenceEntry,
  ROOMS_2026,
  type RoomKey,
} from "./congress2026";

/** First uuid group of each kind of record, so that ids never collide across tables. */
const ENTITY = { edition: 1, room: 2, partner: 3, session: 4 } as const;

/**
 * A deterministic uuid: `entity` in the first group, `n` in the last, and the version (4) and
 * variant (8) nibbles set so that `z.uuid()` accepts it. `stableUuid(2, 3)` is
 * "00000002-0000-4000-8000-000000000003".
 */
export function stableUuid(entity: number, n: number): string {
  const hex = (value: number, width: number) => value.toString(16).padStart(width, "0");
  return `${hex(entity, 8)}-0000-4000-8000-${hex(n, 12)}`;
}

/**
 * A deterministic uuid like stableUuid, but with a hash of `entity` and `n` in the last group
 * (64-bit FNV-1a, cut to 48 bits): for records that may be drafts (sessions), so that one id
 * does not give the next one away to someone scanning ids.
 */
export function opaqueUuid(entity: number, n: number): string {
  let hash = 0xcbf29ce484222325n;
  for (const char of `${entity}:${n}`) {
    hash ^= BigInt(char.charCodeAt(0));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  const last = (hash >> 16n).toString(16).padStart(12, "0");
  return `${entity.toString(16).padStart(8, "0")}-0000-4000-8000-${last}`;
}

export interface ReferenceProgramme {
  edition: EditionWithBudget;
  rooms: Room[];
  partners: Partner[];
  sessions: Session[];
}

/**
 * The 2026 press kit as domain objects with stable ids: the same call always returns the same
 * data, so the database seed and the tests agree on every id. Every session is published.
 */
export function referenceProgramme2026(): ReferenceProgramme {
  const edition: EditionWithBudget = {
    id: stableUuid(ENTITY.edition, EDITION_2026.number),
    ...EDITION_2026,
  };

  const roomIds = new Map<RoomKey, string>();
  const rooms: Room[] = ROOMS_2026.map((r, i) => {
    const id = stableUuid(ENTITY.room, i + 1);
    roomIds.set(r.key, id);
    return {
      id,
      editionId: edition.id,
      name: r.name,
      capacity: null,
      order: r.order,
      days: [...r.days],
    };
  });

  const partnerIds = new Map<string, string>();
  const partners: Partner[] = PARTNERS_2026.map((p, i) => {
    const id = stableUuid(ENTITY.partner, i + 1);
    partnerIds.set(p.key, id);
    return { id, name: p.name, kind: p.kind, website: p.website };
  });

  const lookup = (ids: Map<string, string>, key: string): string => {
    const id = ids.get(key);
    if (!id) throw new Error(`Unknown reference key "${key}".`);
    return id;
  };
  const placeOf = (e: ReferenceEntry): { roomIds: string[]; wholeVenue: boolean } => {
    if (e.rooms !== "venue")
      return { roomIds: e.rooms.map((k) => lookup(roomIds, k)), wholeVenue: false };
    return { roomIds: e.venueRoom ? [lookup(roomIds, e.venueRoom)] : [], wholeVenue: true };
  };

  const sessions: Session[] = PROGRAMME_2026.map((e, i) => ({
    id: opaqueUuid(ENTITY.session, i + 1),
    editionId: edition.id,
    kind: e.kind,
    title: e.title,
    description: "",
    startsAt: instantFromLocal(e.day, e.start, edition.timeZone),
    endsAt: instantFromLocal(e.day, e.end, edition.timeZone),
    ...placeOf(e),
    speakerIds: [],
    themes: [...(e.themes ?? [])],
    partnerId: e.partner ? lookup(partnerIds, e.partner) : null,
    capacityOverride: null,
    published: true,
  }));

  return { edition, rooms, partners, sessions };
}

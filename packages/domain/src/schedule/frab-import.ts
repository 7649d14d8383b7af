import { z } from "zod";
import type { Edition } from "../congress/edition";
import type { Partner, Speaker } from "../congress/people";
import type { Room } from "../congress/room";
import {
  SESSION_KIND_LABELS,
  SESSION_KINDS,
  type Session,
  SessionInput,
  SessionKind,
} from "../congress/session";
import { formatDay, formatEditionDates } from "../format/dates";
import { daysBetween, localDay, overlaps } from "../kernel/time";
import { MULTI_ROOM_SEPARATOR, SUBTITLE_SEPARATOR, WHOLE_VENUE_MARK } from "./frab";

/**
 * Importing a frab/pretalx schedule (schedule.json, or schedule.xml read into the same shape).
 *
 * Lenient where real exports differ (frab-camp2019.json does not validate strictly): fields we
 * do not use are ignored, optional ones may be missing or null, a person may be
 * `{public_name}` or `{name}`. Strict where it matters: a field we read must have the format's
 * type (an `id` is an integer, `date` an ISO instant with its offset, `duration` HH:MM), every
 * session must fall within the edition's days, and no two may overlap in a room. One refused
 * line refuses the whole file: nothing is written, the report says why for each line.
 */

/** A schedule file larger than this is refused before it is read. */
export const MAX_PROGRAMME_IMPORT_BYTES = 5 * 1024 * 1024;
/** More events than this in one file is not a congress programme. */
export const MAX_PROGRAMME_IMPORT_EVENTS = 2000;

const nullableText = z.string().nullish();
const Person = z
  .object({
    id: z.int().positive().optional(),
    guid: z.string().optional(),
    name: z.string().optional(),
    public_name: z.string().optional(),
    full_name: z.string().optional(),
  })
  .loose();

/** One event as the importer reads it. */
export const FrabImportEvent = z
  .object({
    guid: z.uuid({ error: "guid : UUID attendu." }),
    id: z.int({ error: "id : entier attendu." }).positive().nullish(),
    date: z.iso.datetime({
      offset: true,
      error: "date : horodatage ISO 8601 avec décalage attendu.",
    }),
    duration: z
      .string()
      .regex(/^\d{1,2}:\d{2}(:\d{2})?$/, { error: "duration : durée HH:MM attendue." }),
    room: z.string({ error: "room : nom de salle attendu." }).min(1),
    title: z.string({ error: "title : titre attendu." }).min(1),
    subtitle: nullableText,
    track: z.union([z.string(), z.object({ name: z.string() }).loose()]).nullish(),
    type: nullableText,
    abstract: nullableText,
    description: nullableText,
    persons: z.array(Person, { error: "persons : liste attendue." }).nullish(),
  })
  .loose();
export type FrabImportEvent = z.infer<typeof FrabImportEvent>;

/** The file's outline: days, then rooms, then events (each event read on its own). */
export const FrabImportFile = z.object({
  schedule: z.object({
    conference: z
      .object({
        title: z.string().optional(),
        days: z.array(z.object({ rooms: z.record(z.string(), z.array(z.unknown())) }).loose()),
      })
      .loose(),
  }),
});

/**
 * The kind each frab `type` or `track` becomes, lower case. The French labels and the codes of
 * Tribune's kinds are always recognised (our own exports carry the label as the track), then
 * this table, which an organiser may extend or override (`--kind workshop=atelier`).
 */
export const DEFAULT_KIND_MAPPING: Record<string, SessionKind> = {
  talk: "pleniere",
  lecture: "pleniere",
  keynote: "pleniere",
  plenary: "pleniere",
  discussion: "table_ronde",
  panel: "table_ronde",
  podium: "table_ronde",
  workshop: "atelier",
  "hands-on": "atelier",
  meeting: "atelier",
  "lightning talk": "flash_actualite",
  lightning: "flash_actualite",
  break: "pause",
  lunch: "repas",
  party: "soiree",
  performance: "soiree",
};
/** What an event whose type and track name no kind becomes (the report lists them). */
export const FALLBACK_KIND: SessionKind = "pleniere";

export const KindMapping = z.record(z.string().min(1).max(120), SessionKind);
export type KindMapping = z.infer<typeof KindMapping>;

/** One line of the file the import refuses, and why (French). */
export interface RefusedLine {
  /** 1-based position of the event in the file. */
  position: number;
  guid: string | null;
  title: string | null;
  reason: string;
}

/** A session the plan creates or updates, with the names it refers to. */
export interface PlannedSession {
  guid: string;
  /** Stored session to update; null: a new draft. */
  existingId: string | null;
  session: Omit<Session, "id" | "editionId" | "roomIds" | "speakerIds"> & {
    roomNames: string[];
    speakerNames: string[];
  };
}

export interface ImportPlan {
  create: PlannedSession[];
  update: PlannedSession[];
  /** Guids already imported, unchanged. */
  skipped: string[];
  roomsToCreate: string[];
  speakersToCreate: string[];
  /** type/track values no mapping knew, mapped to FALLBACK_KIND. */
  unmappedKinds: string[];
  /** Every value that decided a kind, for the organiser's mapping table. */
  kinds: ImportKindLine[];
  /** Two sessions in one room at the same time (French sentences). */
  conflicts: string[];
  refused: RefusedLine[];
  /**
   * When no session of the file falls on the edition's days but some have a valid date: the
   * one sentence that says so (the file is another congress's, or the wrong edition is
   * chosen), instead of a line per session.
   */
  wrongDates: string | null;
}

/** The events of a parsed file, with their position; a malformed one is refused by position. */
export function eventsOf(file: unknown): { events: [number, unknown][]; error: string | null } {
  const parsed = FrabImportFile.safeParse(file);
  if (!parsed.success)
    return {
      events: [],
      error: "Ce fichier n'est pas un programme au format frab/pretalx (schedule.json ou .xml).",
    };
  const events = parsed.data.schedule.conference.days.flatMap((day) =>
    Object.values(day.rooms).flat(),
  );
  return { events: events.map((e, i) => [i + 1, e]), error: null };
}

const durationMinutes = (duration: string) => {
  const [h = 0, m = 0] = duration.split(":").map(Number);
  return h * 60 + m;
};

/** The kind of an event: its track, then its type, through our labels and the mapping. */
export function kindOf(
  event: Pick<FrabImportEvent, "track" | "type">,
  mapping: KindMapping,
): { kind: SessionKind; known: boolean; value: string } {
  const labels = new Map<string, SessionKind>();
  for (const kind of SESSION_KINDS) {
    labels.set(kind, kind);
    labels.set(SESSION_KIND_LABELS[kind].toLocaleLowerCase("fr"), kind);
  }
  const table = new Map(
    Object.entries({ ...DEFAULT_KIND_MAPPING, ...mapping }).map(([k, v]) => [
      k.toLocaleLowerCase("fr"),
      v,
    ]),
  );
  const track = typeof event.track === "string" ? event.track : (event.track?.name ?? "");
  for (const value of [track, event.type ?? ""]) {
    const key = value.trim().toLocaleLowerCase("fr");
    if (!key) continue;
    // The organiser's mapping first, then our own labels, then the defaults.
    const chosen = mapping[value.trim()] ?? labels.get(key) ?? table.get(key);
    if (chosen) return { kind: chosen, known: true, value: value.trim() };
  }
  return { kind: FALLBACK_KIND, known: false, value: (track || event.type || "").trim() };
}

/**
 * One line of the mapping table the organiser sees before importing: a `type` or `track` value
 * of the file (the one that decided, track first), the kind it becomes and how many sessions.
 * Changing a line's kind is sending `{ [value]: kind }` in `kindMapping`.
 */
export const ImportKindLine = z.object({
  value: z.string(),
  kind: SessionKind,
  /** False: no mapping knew it, it became FALLBACK_KIND. */
  known: z.boolean(),
  sessions: z.int(),
});
export type ImportKindLine = z.infer<typeof ImportKindLine>;

/** JSON with its keys in one order: two sessions compare equal whatever built them. */
const stable = (value: object) => JSON.stringify(value, Object.keys(value).sort());

const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase("fr") === b.trim().toLocaleLowerCase("fr");

/**
 * Plans the import of `events` into `edition`: every line read and checked, rooms and speakers
 * matched by name (or to be created), sessions matched by guid (updated, or left as they are),
 * new ones as drafts. Pure: the service writes the plan only when nothing is refused.
 */
export function planImport(
  rawEvents: [number, unknown][],
  refs: {
    edition: Pick<Edition, "id" | "venue" | "firstDay" | "lastDay" | "timeZone">;
    rooms: Pick<Room, "name">[];
    speakers: Pick<Speaker, "name">[];
    partners: Pick<Partner, "id" | "name">[];
    /** Stored sessions of the edition by guid, with their room and speaker names. */
    existing: Map<string, { id: string; session: PlannedSession["session"] }>;
    /** Other stored sessions of the edition (not in the file), for overlaps. */
    others: {
      title: string;
      startsAt: string;
      endsAt: string;
      roomNames: string[];
      wholeVenue: boolean;
    }[];
    mapping: KindMapping;
  },
): ImportPlan {
  const { edition } = refs;
  const days = new Set(daysBetween(edition.firstDay, edition.lastDay));
  const plan: ImportPlan = {
    create: [],
    update: [],
    skipped: [],
    roomsToCreate: [],
    speakersToCreate: [],
    unmappedKinds: [],
    kinds: [],
    conflicts: [],
    refused: [],
    wrongDates: null,
  };
  if (rawEvents.length > MAX_PROGRAMME_IMPORT_EVENTS) {
    plan.refused.push({
      position: MAX_PROGRAMME_IMPORT_EVENTS + 1,
      guid: null,
      title: null,
      reason: `Plus de ${MAX_PROGRAMME_IMPORT_EVENTS} sessions : ce n'est pas un programme de congrès.`,
    });
    return plan;
  }
  const knownRooms = refs.rooms.map((r) => r.name);
  const roomNamed = (name: string) => knownRooms.find((r) => sameName(r, name));
  // One spelling per person: a stored speaker's, else the first the file gives ("Mo" and "mo"
  // are one speaker, and a second import compares equal).
  const speakerSpellings = refs.speakers.map((s) => s.name);
  const speakerNamed = (name: string) => {
    const known = speakerSpellings.find((n) => sameName(n, name));
    if (known) return known;
    speakerSpellings.push(name);
    return name;
  };
  const seenGuids = new Set<string>();
  const planned: PlannedSession[] = [];
  const editionDates = formatEditionDates(edition.firstDay, edition.lastDay);
  const outsideDays: string[] = [];
  let inDays = 0;

  for (const [position, raw] of rawEvents) {
    const refuse = (reason: string, event?: { guid?: unknown; title?: unknown }) =>
      plan.refused.push({
        position,
        guid: typeof event?.guid === "string" ? event.guid : null,
        title: typeof event?.title === "string" ? event.title : null,
        reason,
      });
    const parsed = FrabImportEvent.safeParse(raw);
    const rawObject = (typeof raw === "object" && raw !== null ? raw : {}) as Record<
      string,
      unknown
    >;
    if (!parsed.success) {
      refuse(parsed.error.issues.map((i) => i.message).join(" ; "), rawObject);
      continue;
    }
    const event = parsed.data;
    if (seenGuids.has(event.guid)) {
      refuse("Ce guid figure deux fois dans le fichier.", event);
      continue;
    }
    seenGuids.add(event.guid);
    const startsAt = new Date(event.date).toISOString();
    const endsAt = new Date(
      Date.parse(event.date) + durationMinutes(event.duration) * 60_000,
    ).toISOString();
    const day = localDay(startsAt, edition.timeZone);
    if (!days.has(day)) {
      outsideDays.push(day);
      refuse(`Hors des jours de l'édition (${editionDates}) : ${formatDay(day)}.`, event);
      continue;
    }
    inDays += 1;
    // The venue's name: the whole venue; "A + B": several rooms; anything else, one room.
    const subtitleParts = (event.subtitle ?? "").split(SUBTITLE_SEPARATOR).map((p) => p.trim());
    const inVenue = sameName(event.room, edition.venue);
    const parts = event.room.split(MULTI_ROOM_SEPARATOR).map((p) => p.trim());
    const roomNames = inVenue
      ? []
      : parts.length > 1 && parts.every((p) => roomNamed(p))
        ? parts.map((p) => roomNamed(p) as string)
        : [roomNamed(event.room) ?? event.room.trim()];
    const { kind, known, value } = kindOf(event, refs.mapping);
    const line = plan.kinds.find((l) => l.value === value);
    if (line) line.sessions += 1;
    else if (value) plan.kinds.push({ value, kind, known, sessions: 1 });
    if (!known) {
      const label = [event.type, typeof event.track === "string" ? event.track : null]
        .filter(Boolean)
        .join(" / ");
      if (!plan.unmappedKinds.includes(label)) plan.unmappedKinds.push(label);
    }
    const partnerName = subtitleParts.find((p) => p.startsWith("Avec "))?.slice(5);
    const partner = partnerName ? refs.partners.find((p) => sameName(p.name, partnerName)) : null;
    const text = [event.abstract ?? "", event.description ?? ""]
      .map((t) => t.trim())
      .filter((t, i, all) => t && all.indexOf(t) === i)
      .join("\n\n");
    const speakerNames = (event.persons ?? []).flatMap((p) => {
      const name = (p.public_name ?? p.name ?? p.full_name ?? "").trim();
      return name ? [speakerNamed(name)] : [];
    });
    const session: PlannedSession["session"] = {
      kind,
      title: event.title.trim(),
      description: text,
      startsAt,
      endsAt,
      roomNames,
      wholeVenue: inVenue || subtitleParts.includes(WHOLE_VENUE_MARK),
      speakerNames,
      themes: [],
      partnerId: partner?.id ?? null,
      capacityOverride: null,
      published: false,
    };
    // The same checks as a session typed in the admin (title, text, times), with their words.
    const check = SessionInput.safeParse({
      ...session,
      editionId: edition.id,
      roomIds: roomNames.map(() => edition.id),
    });
    if (!check.success) {
      refuse(check.error.issues.map((i) => i.message).join(" ; "), event);
      continue;
    }
    const tooLong = speakerNames.find((n) => n.length > 120);
    if (tooLong) {
      refuse(`Nom d'intervenant·e trop long : ${tooLong.slice(0, 40)}…`, event);
      continue;
    }
    const existing = refs.existing.get(event.guid);
    planned.push({
      guid: event.guid,
      existingId: existing?.id ?? null,
      session: existing ? { ...session, published: existing.session.published } : session,
    });
  }

  // Two sessions of the file, or one of the file and one already there, at once in one room,
  // or beside a whole-venue session (nothing runs beside it: the domain's own rule).
  const placed = [...planned.map((p) => p.session), ...refs.others];
  for (const [i, a] of planned.entries()) {
    for (const b of placed.slice(i + 1)) {
      if (!overlaps(a.session, b)) continue;
      const shared = a.session.roomNames.filter((r) => b.roomNames.some((n) => sameName(n, r)));
      const venueWide = a.session.wholeVenue || ("wholeVenue" in b && b.wholeVenue === true);
      if (shared.length > 0 || venueWide)
        plan.conflicts.push(
          `« ${a.session.title} » et « ${b.title} » en même temps ${shared.length > 0 ? `dans ${shared.join(", ")}` : `(${WHOLE_VENUE_MARK.toLocaleLowerCase("fr")})`}.`,
        );
    }
  }

  for (const p of planned) {
    const existing = p.existingId ? refs.existing.get(p.guid) : undefined;
    if (!existing) plan.create.push(p);
    else if (stable(existing.session) === stable(p.session)) plan.skipped.push(p.guid);
    else plan.update.push(p);
    for (const room of p.session.roomNames)
      if (!roomNamed(room) && !plan.roomsToCreate.some((r) => sameName(r, room)))
        plan.roomsToCreate.push(room);
    for (const name of p.session.speakerNames)
      if (
        !refs.speakers.some((s) => sameName(s.name, name)) &&
        !plan.speakersToCreate.some((s) => sameName(s, name))
      )
        plan.speakersToCreate.push(name);
  }
  if (inDays === 0 && outsideDays.length > 0) {
    const sorted = [...outsideDays].sort();
    const first = sorted[0] as string;
    const last = sorted.at(-1) as string;
    // "du lundi 14 au mercredi 16 décembre 2020", "le …" for a single day.
    const span = formatEditionDates(first, last);
    plan.wrongDates = `Aucune session de ce fichier n'a lieu pendant l'édition (${editionDates}) : elles ont lieu ${span}. Choisissez dans l'en-tête l'édition de ces dates, ou corrigez les dates du fichier.`;
  }
  return plan;
}

/** Whether the plan may be written: no line refused, no two sessions in a room at once. */
export const planIsSound = (plan: ImportPlan) =>
  plan.refused.length === 0 && plan.conflicts.length === 0;

/** What the CLI and the admin send: the file's text, and how to read it. */
export const ProgrammeImportInput = z.object({
  editionId: z.uuid(),
  /** The whole file. Its size is checked in bytes by the service (MAX_PROGRAMME_IMPORT_BYTES). */
  content: z.string().min(1, { error: "Le fichier est vide." }),
  /** Read from the content when absent (`<` first: XML). */
  format: z.enum(["json", "xml"]).optional(),
  /** Read and report, write nothing. */
  dryRun: z.boolean().default(false),
  /** type or track → kind, over DEFAULT_KIND_MAPPING. */
  kindMapping: KindMapping.default({}),
});
export type ProgrammeImportInput = z.input<typeof ProgrammeImportInput>;

/** What an import did, or would do (dry run), or why it wrote nothing. */
export const ProgrammeImportReport = z.object({
  format: z.enum(["json", "xml"]).nullable(),
  dryRun: z.boolean(),
  /** True once written; false for a dry run or a refused file. */
  applied: z.boolean(),
  /** Why the whole file was refused before its lines were read (size, not a schedule…). */
  fileRefusal: z.string().nullable(),
  created: z.int(),
  updated: z.int(),
  skipped: z.int(),
  roomsCreated: z.array(z.string()),
  speakersCreated: z.array(z.string()),
  unmappedKinds: z.array(z.string()),
  kinds: z.array(ImportKindLine),
  conflicts: z.array(z.string()),
  /** No session falls on the edition's days: why, in one sentence (see ImportPlan). */
  wrongDates: z.string().nullable(),
  refused: z.array(
    z.object({
      position: z.int(),
      guid: z.string().nullable(),
      title: z.string().nullable(),
      reason: z.string(),
    }),
  ),
});
export type ProgrammeImportReport = z.infer<typeof ProgrammeImportReport>;

/** The report of a plan (written or not). */
export function reportOf(
  plan: ImportPlan,
  meta: { format: "json" | "xml"; dryRun: boolean; applied: boolean },
): ProgrammeImportReport {
  return {
    ...meta,
    fileRefusal: null,
    created: plan.create.length,
    updated: plan.update.length,
    skipped: plan.skipped.length,
    roomsCreated: plan.roomsToCreate,
    speakersCreated: plan.speakersToCreate,
    unmappedKinds: plan.unmappedKinds,
    kinds: plan.kinds,
    conflicts: plan.conflicts,
    wrongDates: plan.wrongDates,
    refused: plan.refused,
  };
}

/** The report of a file refused whole. */
export function refusedFile(
  reason: string,
  meta: { format: "json" | "xml" | null; dryRun: boolean },
): ProgrammeImportReport {
  return {
    ...meta,
    applied: false,
    fileRefusal: reason,
    created: 0,
    updated: 0,
    skipped: 0,
    roomsCreated: [],
    speakersCreated: [],
    unmappedKinds: [],
    kinds: [],
    conflicts: [],
    wrongDates: null,
    refused: [],
  };
}

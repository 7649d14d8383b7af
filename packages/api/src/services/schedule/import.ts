import { findEdition } from "@tribune/db/repos/editions";
import { kindMappingOf, saveKindMapping } from "@tribune/db/repos/kind-mappings";
import { insertSpeaker, listPartners, listSpeakers } from "@tribune/db/repos/people";
import { insertRoom, listRooms } from "@tribune/db/repos/rooms";
import { listSessionStamps, setSessionGuid } from "@tribune/db/repos/session-stamps";
import { insertSession, listSessions, replaceSession } from "@tribune/db/repos/sessions";
import { PROGRAMME_LABELS } from "@tribune/domain/congress";
import {
  eventsOf,
  MAX_PROGRAMME_IMPORT_BYTES,
  type PlannedSession,
  ProgrammeImportInput,
  type ProgrammeImportReport,
  planImport,
  planIsSound,
  refusedFile,
  reportOf,
} from "@tribune/domain/schedule";
import { found } from "../../found";
import { assertEditionWritable } from "../editions/writable";
import { change, type ServiceContext } from "../kit";
import { xmlToScheduleJson } from "./import-read";

const MEGABYTES = Math.round(MAX_PROGRAMME_IMPORT_BYTES / 1024 / 1024);

/** The file's text as a schedule object, or why it cannot be one. */
function readFile(content: string, format: "json" | "xml"): unknown {
  if (format === "xml") return xmlToScheduleJson(content);
  return JSON.parse(content);
}

/**
 * Imports a frab/pretalx schedule (schedule.json or schedule.xml) into an edition: rooms and
 * speakers created when no one of that name exists, sessions created as drafts or updated by
 * their guid (a second import of the same file changes nothing). Everything is checked first
 * (`planImport`); a file with one refused line or one clash writes nothing, and the report
 * says why. A dry run reports what the import would do. Session types map to kinds through
 * the edition's stored mapping (the organiser's last choices) under this import's `kindMapping`,
 * which is stored once the import is written. Used by `tribune programme import` and by the admin.
 */
export async function importProgramme(
  ctx: ServiceContext,
  rawInput: ProgrammeImportInput,
): Promise<ProgrammeImportReport> {
  const input = ProgrammeImportInput.parse(rawInput);
  const format =
    input.format ?? (input.content.trimStart().startsWith("<") ? "xml" : ("json" as const));
  const meta = { format, dryRun: input.dryRun };
  if (Buffer.byteLength(input.content, "utf8") > MAX_PROGRAMME_IMPORT_BYTES)
    return refusedFile(`Fichier trop volumineux : ${MEGABYTES} Mo au plus.`, meta);
  let file: unknown;
  try {
    file = readFile(input.content, format);
  } catch {
    return refusedFile(
      format === "xml"
        ? "Fichier XML illisible : ce n'est pas un schedule.xml."
        : "Fichier JSON illisible : ce n'est pas un schedule.json.",
      meta,
    );
  }
  const { events, error } = eventsOf(file);
  if (error) return refusedFile(error, meta);

  const edition = found(await findEdition(ctx.db, input.editionId), PROGRAMME_LABELS.edition);
  const rooms = await listRooms(ctx.db, edition.id);
  const speakers = await listSpeakers(ctx.db);
  const partners = await listPartners(ctx.db);
  const sessions = await listSessions(ctx.db, edition.id);
  const stamps = new Map((await listSessionStamps(ctx.db, edition.id)).map((s) => [s.id, s]));
  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  const speakerName = new Map(speakers.map((s) => [s.id, s.name]));
  const shapeOf = (s: (typeof sessions)[number]): PlannedSession["session"] => ({
    kind: s.kind,
    title: s.title,
    description: s.description,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    roomNames: s.roomIds.flatMap((id) => roomName.get(id) ?? []),
    wholeVenue: s.wholeVenue,
    speakerNames: s.speakerIds.flatMap((id) => speakerName.get(id) ?? []),
    themes: s.themes,
    partnerId: s.partnerId,
    capacityOverride: s.capacityOverride,
    published: s.published,
  });
  const fileGuids = new Set(
    events.flatMap(([, e]) =>
      typeof e === "object" && e && "guid" in e ? [String((e as { guid: unknown }).guid)] : [],
    ),
  );
  const existing = new Map<string, { id: string; session: PlannedSession["session"] }>();
  const others: Parameters<typeof planImport>[1]["others"] = [];
  for (const s of sessions) {
    const guid = stamps.get(s.id)?.guid ?? s.id;
    if (fileGuids.has(guid)) existing.set(guid, { id: s.id, session: shapeOf(s) });
    else others.push({ ...shapeOf(s), title: s.title });
  }

  const plan = planImport(events, {
    edition,
    rooms,
    speakers,
    partners,
    existing,
    others,
    mapping: { ...(await kindMappingOf(ctx.db, edition.id)), ...input.kindMapping },
  });
  if (!planIsSound(plan) || input.dryRun) return reportOf(plan, { ...meta, applied: false });

  return change(ctx, async (tx, effects) => {
    await assertEditionWritable(tx, edition.id);
    const roomIds = new Map(rooms.map((r) => [r.name.toLocaleLowerCase("fr"), r.id]));
    let order = Math.max(0, ...rooms.map((r) => r.order));
    for (const name of plan.roomsToCreate) {
      order += 1;
      const room = await insertRoom(tx, {
        editionId: edition.id,
        name,
        capacity: null,
        order,
        days: [],
      });
      roomIds.set(name.toLocaleLowerCase("fr"), room.id);
      await effects.audit({ entity: "room", entityId: room.id, action: "import", after: room });
    }
    const speakerIds = new Map(speakers.map((s) => [s.name.toLocaleLowerCase("fr"), s.id]));
    for (const name of plan.speakersToCreate) {
      const speaker = await insertSpeaker(tx, { name, affiliation: "", bio: "", unavailable: [] });
      speakerIds.set(name.toLocaleLowerCase("fr"), speaker.id);
      await effects.audit({
        entity: "speaker",
        entityId: speaker.id,
        action: "import",
        after: speaker,
      });
    }
    const stored = ({ roomNames, speakerNames, ...session }: PlannedSession["session"]) => ({
      ...session,
      editionId: edition.id,
      roomIds: roomNames.flatMap((n) => roomIds.get(n.toLocaleLowerCase("fr")) ?? []),
      speakerIds: speakerNames.flatMap((n) => speakerIds.get(n.toLocaleLowerCase("fr")) ?? []),
    });
    for (const planned of plan.create) {
      const session = await insertSession(tx, stored(planned.session));
      await setSessionGuid(tx, session.id, planned.guid);
      await effects.audit({
        entity: "session",
        entityId: session.id,
        action: "import",
        after: session,
      });
    }
    for (const planned of plan.update) {
      const id = planned.existingId as string;
      const before = sessions.find((s) => s.id === id);
      const session = await replaceSession(tx, { id, ...stored(planned.session) });
      await effects.audit({
        entity: "session",
        entityId: id,
        action: "import",
        before,
        after: session,
      });
    }
    await saveKindMapping(tx, edition.id, input.kindMapping);
    effects.publish({ type: "programme.changed", editionId: edition.id });
    return reportOf(plan, { ...meta, applied: true });
  });
}

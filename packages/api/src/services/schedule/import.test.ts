import type { Database } from "@tribune/db";
import { insertEdition } from "@tribune/db/repos/editions";
import { listSpeakers } from "@tribune/db/repos/people";
import { listRooms } from "@tribune/db/repos/rooms";
import { listSessions } from "@tribune/db/repos/sessions";
import { testBackends } from "@tribune/db/testing";
import { MAX_PROGRAMME_IMPORT_BYTES } from "@tribune/domain/schedule";
import { beforeAll, describe, expect, it } from "vitest";
import { REFERENCE, referenceSession, rejection, useSeededApi } from "../../test-support";
import { systemContext } from "../kit";
import { frabScheduleJson, frabScheduleXml } from "./frab-export";
import { importProgramme } from "./import";
import { readInterop } from "./interop-files";

const BASE_URL = "https://tribune.example.org";
let editionNumber = 900;

/** An empty edition on the 2026 days and venue (or others): where a programme comes in. */
async function emptyEdition(db: Database, over: Partial<Parameters<typeof insertEdition>[1]> = {}) {
  editionNumber += 1;
  return insertEdition(db, {
    number: editionNumber,
    year: 2100 - (editionNumber - 900),
    theme: "Import",
    subtitle: "",
    city: "Dijon",
    venue: REFERENCE.edition.venue,
    firstDay: REFERENCE.edition.firstDay,
    lastDay: REFERENCE.edition.lastDay,
    timeZone: "Europe/Paris",
    expectedAttendance: 0,
    registrationOpensOn: null,
    registrationClosesOn: null,
    budgetEuros: 0,
    ...over,
  });
}

/** A programme as people read it: what, when, where, who — ids and publication aside. */
async function programmeOf(db: Database, editionId: string) {
  const rooms = new Map((await listRooms(db, editionId)).map((r) => [r.id, r.name]));
  const speakers = new Map((await listSpeakers(db)).map((s) => [s.id, s.name]));
  return (await listSessions(db, editionId))
    .map((s) => ({
      title: s.title,
      kind: s.kind,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      rooms: s.roomIds.map((id) => rooms.get(id)),
      wholeVenue: s.wholeVenue,
      speakers: s.speakerIds.map((id) => speakers.get(id)),
      description: s.description,
      partnerId: s.partnerId,
    }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title));
}

describe.each(testBackends())("programme import on %s", (backend) => {
  const api = useSeededApi(backend);
  const ctx = () => systemContext(api.db);

  beforeAll(async () => {
    const organiser = await api.callerAs("organiser");
    const speaker = await organiser.speaker.create({ name: "Dr Camille Martin" });
    const roundTable = referenceSession("Intelligence artificielle : assistant ou prescripteur ?");
    await organiser.session.update({ id: roundTable.id, speakerIds: [speaker.id] });
  });

  it("round trip: 2026 exported as schedule.json, imported into an empty edition, is the same programme", async () => {
    const json = await frabScheduleJson(ctx(), { year: 2026, baseUrl: BASE_URL });
    const target = await emptyEdition(api.db);
    const report = await importProgramme(ctx(), { editionId: target.id, content: json });
    expect(report).toMatchObject({ applied: true, format: "json", refused: [], conflicts: [] });
    expect(report.created).toBe(REFERENCE.sessions.filter((s) => s.published).length);
    expect(report.roomsCreated.sort()).toEqual(REFERENCE.rooms.map((r) => r.name).sort());
    expect(report.speakersCreated).toEqual([]);

    const original = (await programmeOf(api.db, REFERENCE.edition.id)).filter((s) => s.title);
    expect(await programmeOf(api.db, target.id)).toEqual(original);
    // Every imported session is a draft, to be published by the organisers.
    expect((await listSessions(api.db, target.id)).every((s) => !s.published)).toBe(true);

    // The same file again: nothing new, nothing changed.
    const again = await importProgramme(ctx(), { editionId: target.id, content: json });
    expect(again).toMatchObject({ applied: true, created: 0, updated: 0, roomsCreated: [] });
    expect(again.skipped).toBe(report.created);
    expect(await listSessions(api.db, target.id)).toHaveLength(report.created);
  });

  it("reads schedule.xml the same way", async () => {
    const xml = await frabScheduleXml(ctx(), { year: 2026, baseUrl: BASE_URL });
    const target = await emptyEdition(api.db);
    const report = await importProgramme(ctx(), { editionId: target.id, content: xml });
    expect(report).toMatchObject({ applied: true, format: "xml", refused: [] });
    expect(await programmeOf(api.db, target.id)).toEqual(
      await programmeOf(api.db, REFERENCE.edition.id),
    );
  });

  it("updates a session by its guid when the file changed it", async () => {
    const target = await emptyEdition(api.db);
    const json = await frabScheduleJson(ctx(), { year: 2026, baseUrl: BASE_URL });
    await importProgramme(ctx(), { editionId: target.id, content: json });
    const edited = json.replace('"title": "Gala"', '"title": "Gala des internes"');
    const report = await importProgramme(ctx(), { editionId: target.id, content: edited });
    expect(report).toMatchObject({ applied: true, created: 0, updated: 1 });
    const titles = (await listSessions(api.db, target.id)).map((s) => s.title);
    expect(titles).toContain("Gala des internes");
    expect(titles).not.toContain("Gala");
  });

  it("reads a real frab export leniently (frab-camp2019.json), dry run first", async () => {
    const camp = await emptyEdition(api.db, {
      firstDay: "2019-08-21",
      lastDay: "2019-08-25",
      timeZone: "Europe/Berlin",
      venue: "Ziegeleipark Mildenberg",
      city: "Zehdenick",
    });
    const content = readInterop("frab-camp2019.json");
    const dry = await importProgramme(ctx(), { editionId: camp.id, content, dryRun: true });
    expect(dry).toMatchObject({ applied: false, dryRun: true, refused: [], conflicts: [] });
    expect(dry.created).toBe(79);
    expect(dry.roomsCreated.sort()).toEqual(["Curie", "Meitner"]);
    expect(await listSessions(api.db, camp.id)).toHaveLength(0);

    const done = await importProgramme(ctx(), {
      editionId: camp.id,
      content,
      kindMapping: { performance: "soiree" },
    });
    expect(done).toMatchObject({ applied: true, created: 79 });
    const sessions = await listSessions(api.db, camp.id);
    expect(sessions).toHaveLength(79);
    expect(sessions.find((s) => s.title === "Opening Ceremony")).toMatchObject({
      startsAt: "2019-08-21T09:00:00.000Z",
      endsAt: "2019-08-21T09:30:00.000Z",
      published: false,
    });
  });

  it("shows each type of the file with the kind it becomes, and remembers the organiser's choices", async () => {
    const camp = await emptyEdition(api.db, {
      firstDay: "2019-08-21",
      lastDay: "2019-08-25",
      timeZone: "Europe/Berlin",
      venue: "Ziegeleipark Mildenberg",
      city: "Zehdenick",
    });
    const content = readInterop("frab-camp2019.json");
    const dry = await importProgramme(ctx(), { editionId: camp.id, content, dryRun: true });
    // Every session is counted under the value that decided its kind.
    expect(dry.kinds.reduce((n, line) => n + line.sessions, 0)).toBe(79);
    const lecture = dry.kinds.find((line) => line.value.toLowerCase() === "lecture");
    expect(lecture).toMatchObject({ kind: "pleniere", known: true });

    // The organiser makes the lectures workshops; the import is written with that choice…
    const choice = { [lecture?.value ?? "lecture"]: "atelier" as const };
    const done = await importProgramme(ctx(), { editionId: camp.id, content, kindMapping: choice });
    expect(done.kinds.find((line) => line.value === lecture?.value)?.kind).toBe("atelier");
    const workshops = (await listSessions(api.db, camp.id)).filter((s) => s.kind === "atelier");
    expect(workshops.length).toBeGreaterThanOrEqual(lecture?.sessions ?? 1);

    // …and the next import of the edition starts from it, without being told again.
    const again = await importProgramme(ctx(), { editionId: camp.id, content, dryRun: true });
    expect(again.kinds.find((line) => line.value === lecture?.value)?.kind).toBe("atelier");
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 79 });
  });

  describe("refuses a malformed or hostile file and writes nothing", () => {
    let before: number;
    let target: string;
    beforeAll(async () => {
      target = (await emptyEdition(api.db)).id;
      before = (await listSessions(api.db, target)).length;
    });
    const nothingWritten = async () =>
      expect(await listSessions(api.db, target)).toHaveLength(before);

    it("the invalid example: wrong types and days outside the edition, each line with its reason", async () => {
      const report = await importProgramme(ctx(), {
        editionId: target,
        content: readInterop("invalid-example.json"),
      });
      expect(report.applied).toBe(false);
      expect(report.refused).toHaveLength(1);
      expect(report.refused[0]?.reason).toContain("id : entier attendu.");
      // Its other sessions fall on the edition's days: no sentence about the file's dates.
      expect(report.wrongDates).toBeNull();
      await nothingWritten();
    });

    it("a programme of another year: every line outside the edition's days", async () => {
      const report = await importProgramme(ctx(), {
        editionId: target,
        content: readInterop("pretalx-democon.json"),
      });
      expect(report.applied).toBe(false);
      expect(report.refused.length).toBeGreaterThan(0);
      expect(report.refused.every((r) => r.reason.startsWith("Hors des jours"))).toBe(true);
      expect(report.refused[0]?.reason).toMatch(/ : lundi 14 décembre 2020\.$/);
      // Said once, in French dates, with what to do.
      expect(report.wrongDates).toMatch(
        /^Aucune session de ce fichier n'a lieu pendant l'édition \(du .+\) : elles ont lieu du lundi 14 au mercredi 16 décembre 2020\. Choisissez dans l'en-tête l'édition de ces dates, ou corrigez les dates du fichier\.$/,
      );
      await nothingWritten();
    });

    it("a file over the limit, unreadable text, not a schedule", async () => {
      const huge = `{"schedule": "${"x".repeat(MAX_PROGRAMME_IMPORT_BYTES)}"}`;
      for (const [content, words] of [
        [huge, "trop volumineux"],
        ["{ pas du json", "illisible"],
        ['{"hello": 1}', "n'est pas un programme"],
        ["<schedule><day><room name='A'><event/></room></day></schedule>", "guid"],
      ] as const) {
        const report = await importProgramme(ctx(), { editionId: target, content });
        expect(report.applied).toBe(false);
        expect(`${report.fileRefusal} ${report.refused.map((r) => r.reason)}`).toContain(words);
      }
      await nothingWritten();
    });

    it("two sessions in one room at once", async () => {
      const json = JSON.parse(await frabScheduleJson(ctx(), { year: 2026, baseUrl: BASE_URL }));
      const day = json.schedule.conference.days[0];
      const [room, events] = Object.entries(day.rooms).find(
        ([name, list]) => name !== REFERENCE.edition.venue && (list as unknown[]).length > 1,
      ) as [string, { date: string }[]];
      const [first, second] = events;
      if (!first || !second) throw new Error(`${room} has two sessions`);
      second.date = first.date;
      const report = await importProgramme(ctx(), {
        editionId: target,
        content: JSON.stringify(json),
      });
      expect(report.applied).toBe(false);
      expect(report.conflicts.join(" ")).toContain(room);
      await nothingWritten();
    });
  });
});

describe.each(testBackends())("schedule.import procedure on %s", (backend) => {
  const api = useSeededApi(backend);

  it("lets organisers preview then apply an import, and no one else", async () => {
    const organiser = await api.callerAs("organiser");
    const target = await emptyEdition(api.db);
    const content = await frabScheduleJson(systemContext(api.db), {
      year: 2026,
      baseUrl: BASE_URL,
    });
    const preview = await organiser.schedule.import({
      editionId: target.id,
      content,
      dryRun: true,
    });
    expect(preview).toMatchObject({ applied: false, dryRun: true, refused: [] });
    expect(await listSessions(api.db, target.id)).toHaveLength(0);
    const applied = await organiser.schedule.import({ editionId: target.id, content });
    expect(applied.applied).toBe(true);
    expect(await listSessions(api.db, target.id)).toHaveLength(applied.created);

    const member = await api.callerAs("member");
    const error = await rejection(member.schedule.import({ editionId: target.id, content }));
    expect(error.data?.code).toBe("FORBIDDEN");
  });
});

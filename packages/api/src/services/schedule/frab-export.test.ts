import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testBackends } from "@tribune/db/testing";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { type Caller, REFERENCE, referenceSession, useSeededApi } from "../../test-support";
import { systemContext } from "../kit";
import { frabSchedule, frabScheduleJson, frabScheduleXml } from "./frab-export";
import { interopPath, readInterop } from "./interop-files";

const BASE_URL = "https://tribune.example.org";
const require = createRequire(import.meta.url);

/** The c3voc schema.json (draft-06) with ajv, as the format's own validator does. */
function scheduleValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  addFormats.default(ajv);
  ajv.addFormat("color", /^#[0-9a-fA-F]{6}$/);
  return ajv.compile(JSON.parse(readInterop("schema.json")));
}

/**
 * xmllint from Debian's libxml2-utils (installed by tooling/scripts/ensure-chromium.sh, which
 * CI runs). Missing, the test fails: a schedule.xml that is never validated must not pass.
 */
function xmllint(xml: string): { ok: boolean; output: string } {
  const found = spawnSync("xmllint", ["--version"]);
  if (found.error) {
    throw new Error(
      "xmllint is missing: run tooling/scripts/ensure-chromium.sh (apt-get install libxml2-utils)",
    );
  }
  const file = join(mkdtempSync(join(tmpdir(), "schedule-")), "schedule.xml");
  writeFileSync(file, xml);
  const run = spawnSync("xmllint", ["--noout", "--schema", interopPath("schedule.xml.xsd"), file], {
    encoding: "utf8",
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe("the schedule validators themselves", () => {
  it("accept a real pretalx export and refuse the invalid example", () => {
    const validate = scheduleValidator();
    expect(validate(JSON.parse(readInterop("pretalx-democon.json"))), "pretalx").toBe(true);
    expect(validate(JSON.parse(readInterop("invalid-example.json"))), "invalid").toBe(false);
    expect(xmllint("<schedule><version>1</version></schedule>").ok).toBe(false);
  });
});

describe.each(testBackends())("schedule.json and schedule.xml on %s", (backend) => {
  const api = useSeededApi(backend);
  let organiser: Caller;
  const ctx = () => systemContext(api.db);
  const query = { year: 2026, baseUrl: BASE_URL };

  beforeAll(async () => {
    organiser = await api.callerAs("organiser");
    // A speaker, a multi-room session and a partner: every mapping appears in the export.
    const speaker = await organiser.speaker.create({ name: "Dr Camille Martin" });
    const roundTable = referenceSession("Intelligence artificielle : assistant ou prescripteur ?");
    await organiser.session.update({ id: roundTable.id, speakerIds: [speaker.id] });
    const workshop = referenceSession("Mieux communiquer pour mieux soigner ?");
    const otherRoom = REFERENCE.rooms.find((r) => !workshop.roomIds.includes(r.id));
    await organiser.session.update({
      id: workshop.id,
      roomIds: [...workshop.roomIds, otherRoom?.id ?? ""],
    });
  });

  it("validates against the c3voc schema.json", async () => {
    const validate = scheduleValidator();
    const json = JSON.parse(await frabScheduleJson(ctx(), query));
    const valid = validate(json);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
  });

  it("validates against schedule.xml.xsd with xmllint", async () => {
    const result = xmllint(await frabScheduleXml(ctx(), query));
    expect(result.output).toContain("validates");
    expect(result.ok).toBe(true);
  });

  it("holds every published session once, with a guid that stays across exports", async () => {
    const first = await frabSchedule(ctx(), query);
    const events = first.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    const published = REFERENCE.sessions.filter((s) => s.published);
    expect(events).toHaveLength(published.length);
    expect(new Set(events.map((e) => e.guid)).size).toBe(events.length);
    const gala = referenceSession("Gala");
    await organiser.session.update({ id: gala.id, title: "Gala des internes" });
    const second = await frabSchedule(ctx(), query);
    const again = second.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    expect(again.map((e) => e.guid).sort()).toEqual(events.map((e) => e.guid).sort());
    expect(again.find((e) => e.title === "Gala des internes")?.guid).toBe(
      events.find((e) => e.title === "Gala")?.guid,
    );
  });

  it("places whole-venue and multi-room sessions where an app can show them", async () => {
    const { conference } = (await frabSchedule(ctx(), query)).schedule;
    const events = conference.days.flatMap((d) => Object.values(d.rooms).flat());
    const welcome = events.find((e) => e.title === "Accueil des congressistes");
    expect(welcome).toMatchObject({
      room: REFERENCE.edition.venue,
      subtitle: "Tout le lieu",
      date: "2026-01-22T08:00:00+01:00",
      start: "08:00",
      track: "Accueil",
    });
    const workshop = events.find((e) => e.title === "Mieux communiquer pour mieux soigner ?");
    expect(workshop?.room).toContain(" + ");
    expect(conference.rooms.map((r) => r.name)).toContain(workshop?.room);
    const roundTable = events.find((e) => e.title.startsWith("Intelligence artificielle"));
    expect(roundTable?.persons).toEqual([
      { name: "Dr Camille Martin", public_name: "Dr Camille Martin" },
    ]);
    expect(conference.time_zone_name).toBe("Europe/Paris");
  });

  it("leaves drafts out", async () => {
    const gala = referenceSession("Gala");
    await organiser.session.update({ id: gala.id, published: false });
    const xml = await frabScheduleXml(ctx(), query);
    expect(xml).not.toContain("Gala des internes");
    await organiser.session.update({ id: gala.id, published: true });
  });
});

import { describe, expect, it } from "vitest";
import { frabDuration, frabRoomName, slugify } from "./frab";
import { kindOf } from "./frab-import";
import type { ProgrammeEntry } from "./programme";

const entry = (over: Partial<ProgrammeEntry>): ProgrammeEntry => ({
  id: "00000003-0000-4000-8000-000000000001",
  day: "2026-01-22",
  start: "09:00",
  end: "10:00",
  startsAt: "2026-01-22T08:00:00.000Z",
  endsAt: "2026-01-22T09:00:00.000Z",
  kind: "pleniere",
  title: "Plénière d'ouverture",
  description: "",
  rooms: [],
  wholeVenue: false,
  speakers: [],
  themes: [],
  partner: null,
  ...over,
});

describe("the frab mapping", () => {
  it("places a session in its room, a multi-room one in the rooms joined, a roomless one in the venue", () => {
    const venue = "Palais des congrès de Dijon";
    expect(frabRoomName(entry({ rooms: ["Salle 2"] }), venue)).toBe("Salle 2");
    expect(frabRoomName(entry({ rooms: ["Salle 2", "Salle 3"] }), venue)).toBe("Salle 2 + Salle 3");
    expect(frabRoomName(entry({ rooms: [], wholeVenue: true }), venue)).toBe(venue);
  });

  it("writes durations and slugs the apps accept", () => {
    expect(frabDuration("2026-01-22T08:00:00.000Z", "2026-01-22T09:30:00.000Z")).toBe("01:30");
    expect(slugify("Intelligence artificielle : assistant ou prescripteur ?")).toBe(
      "intelligence-artificielle-assistant-ou-prescripteur",
    );
  });

  it("reads kinds back from our French labels, the organiser's mapping, then the defaults", () => {
    expect(kindOf({ track: "Table ronde", type: "discussion" }, {})).toEqual({
      kind: "table_ronde",
      known: true,
      value: "Table ronde",
    });
    expect(kindOf({ track: "Security", type: "lecture" }, { Security: "atelier" }).kind).toBe(
      "atelier",
    );
    expect(kindOf({ track: "Security", type: "workshop" }, {}).kind).toBe("atelier");
    // The value that decided: the type when the track names no kind.
    expect(kindOf({ track: "Security", type: "workshop" }, {}).value).toBe("workshop");
    expect(kindOf({ track: "Security", type: "game" }, {})).toEqual({
      kind: "pleniere",
      known: false,
      value: "Security",
    });
  });
});

import { SessionInput, SessionMove, SessionUpdate } from "@tribune/domain/congress";
import { instantFromLocal } from "@tribune/domain/kernel";
import { describe, expect, it } from "vitest";
import { stableUuid } from "../../fixtures";

const EDITION = stableUuid(1, 26);
const AMPHI = stableUuid(2, 1);
const at = (time: string) => instantFromLocal("2026-01-22", time);

const valid = {
  editionId: EDITION,
  kind: "atelier",
  title: "Évolution de la pratique de la Médecine Générale",
  startsAt: at("14:30"),
  endsAt: at("16:00"),
  roomIds: [AMPHI],
};

/** The issues of a failed parse as "path: message" lines. */
function issues(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("SessionInput", () => {
  it("accepts a valid session and fills the defaults", () => {
    const parsed = SessionInput.parse(valid);
    expect(parsed).toMatchObject({
      ...valid,
      wholeVenue: false,
      speakerIds: [],
      published: false,
      partnerId: null,
    });
  });

  it("accepts a whole-venue session without any room", () => {
    expect(SessionInput.safeParse({ ...valid, roomIds: [], wholeVenue: true }).success).toBe(true);
  });

  it.each([
    ["ends before it starts", at("13:00")],
    ["ends as it starts", at("14:30")],
  ])("rejects a session that %s, on endsAt, in French", (_, endsAt) => {
    expect(issues(SessionInput.safeParse({ ...valid, endsAt }))).toEqual([
      "endsAt: La fin doit être après le début.",
    ]);
  });

  it("rejects a session with no room that does not take the whole venue", () => {
    expect(issues(SessionInput.safeParse({ ...valid, roomIds: [] }))).toEqual([
      "roomIds: Choisissez au moins une salle, ou tout le lieu.",
    ]);
  });

  it("rejects an unknown kind", () => {
    expect(issues(SessionInput.safeParse({ ...valid, kind: "keynote" }))).toEqual([
      "kind: Type de session inconnu.",
    ]);
  });

  it("rejects a blank title", () => {
    expect(issues(SessionInput.safeParse({ ...valid, title: "   " }))).toEqual([
      "title: Le titre est obligatoire.",
    ]);
  });
});

describe("SessionMove", () => {
  const move = { id: stableUuid(4, 12), startsAt: at("14:30"), endsAt: at("16:00") };

  it("accepts new times, with or without rooms", () => {
    expect(SessionMove.safeParse(move).success).toBe(true);
    expect(SessionMove.parse({ ...move, roomIds: [AMPHI] }).roomIds).toEqual([AMPHI]);
  });

  it("rejects end ≤ start on endsAt, in French", () => {
    expect(issues(SessionMove.safeParse({ ...move, endsAt: move.startsAt }))).toEqual([
      "endsAt: La fin doit être après le début.",
    ]);
  });

  it("rejects an instant without a time zone", () => {
    expect(SessionMove.safeParse({ ...move, startsAt: "2026-01-22T14:30:00" }).success).toBe(false);
  });
});

describe("SessionUpdate", () => {
  it("only carries the fields sent, so an edit does not reset the others", () => {
    const id = stableUuid(4, 12);
    expect(SessionUpdate.parse({ id, title: "1,2,3 rempla" })).toEqual({
      id,
      title: "1,2,3 rempla",
    });
  });
});

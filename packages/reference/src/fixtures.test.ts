import { EditionWithBudget, Partner, Room, Session, SessionInput } from "@tribune/domain/congress";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FRIDAY, PROGRAMME_2026, THURSDAY } from "./congress2026";
import { opaqueUuid, referenceProgramme2026, stableUuid } from "./fixtures";

describe("stableUuid", () => {
  it("is accepted by z.uuid()", () => {
    for (const [entity, n] of [
      [1, 26],
      [4, 34],
      [255, 0xffff_ffff],
    ] as const) {
      expect(z.uuid().safeParse(stableUuid(entity, n)).success).toBe(true);
    }
  });

  it("differs across entities and counters", () => {
    expect(stableUuid(2, 3)).toBe("00000002-0000-4000-8000-000000000003");
    expect(new Set([stableUuid(1, 1), stableUuid(2, 1), stableUuid(1, 2)]).size).toBe(3);
  });
});

describe("opaqueUuid", () => {
  it("is accepted by z.uuid(), stable, and gives no run of ids to scan", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => opaqueUuid(4, i + 1));
    for (const id of ids) expect(z.uuid().safeParse(id).success).toBe(true);
    expect(opaqueUuid(4, 12)).toBe(ids[11]);
    const lastGroups = ids.map((id) => Number.parseInt(id.slice(-12), 16));
    expect(new Set(lastGroups).size).toBe(ids.length);
    // Far apart: neighbours in the sequence are nowhere near each other.
    const gaps = lastGroups.slice(1).map((n, i) => Math.abs(n - (lastGroups[i] as number)));
    expect(Math.min(...gaps)).toBeGreaterThan(2 ** 20);
  });
});

describe("referenceProgramme2026", () => {
  const ref = referenceProgramme2026();

  it("is deterministic", () => {
    expect(referenceProgramme2026()).toEqual(ref);
  });

  it("produces records every schema accepts", () => {
    expect(EditionWithBudget.parse(ref.edition)).toEqual(ref.edition);
    for (const room of ref.rooms) expect(Room.parse(room)).toEqual(room);
    for (const partner of ref.partners) expect(Partner.parse(partner)).toEqual(partner);
    for (const session of ref.sessions) {
      expect(Session.parse(session)).toEqual(session);
      expect(SessionInput.safeParse(session).success).toBe(true);
    }
  });

  it("gives every record a distinct id", () => {
    const ids = [ref.edition, ...ref.rooms, ...ref.partners, ...ref.sessions].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives sessions ids that do not follow one another (a draft cannot be found by counting)", () => {
    const counters = new Set(ref.sessions.map((s) => Number.parseInt(s.id.slice(-12), 16)));
    for (const n of counters) expect(counters.has(n + 1)).toBe(false);
    expect(ref.sessions.some((s) => s.id === stableUuid(4, 1))).toBe(false);
  });

  it("has the four rooms, 34 published sessions and their days", () => {
    expect(ref.rooms.map((r) => r.name)).toEqual([
      "Amphi Romanée Conti",
      "Salle 2 : Clos de Vougeot",
      "Salle 3 : Musigny – Pommard – Volnay",
      "Salle 4 : Meursault Nuits Corton",
    ]);
    expect(ref.sessions).toHaveLength(PROGRAMME_2026.length);
    expect(ref.sessions).toHaveLength(34);
    expect(ref.sessions.every((s) => s.published && s.editionId === ref.edition.id)).toBe(true);
    expect(ref.rooms.find((r) => r.name.startsWith("Salle 4"))?.days).toEqual([THURSDAY]);
    expect(ref.edition).toMatchObject({ firstDay: THURSDAY, lastDay: FRIDAY });
  });

  it("maps venue-wide entries to wholeVenue, with the room where they take place if any", () => {
    const amphi = ref.rooms[0]?.id;
    const opening = ref.sessions.find((s) => s.title === "Plénière d'ouverture");
    const gala = ref.sessions.find((s) => s.title === "Gala");
    expect(opening).toMatchObject({ wholeVenue: true, roomIds: [amphi] });
    expect(gala).toMatchObject({ wholeVenue: true, roomIds: [] });
  });

  it("places room entries in their rooms at Paris wall time, with their partner", () => {
    const drome = ref.sessions.find((s) => s.title.includes("Porte de DrômArdèche"));
    expect(drome).toMatchObject({
      wholeVenue: false,
      roomIds: [ref.rooms[3]?.id],
      startsAt: "2026-01-22T13:00:00.000Z",
      endsAt: "2026-01-22T13:30:00.000Z",
      partnerId: ref.partners.find((p) => p.name === "Porte de DrômArdèche")?.id,
    });
  });
});

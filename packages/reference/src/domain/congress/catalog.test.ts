import type { Session } from "@tribune/domain/congress";
import {
  decidePartnerDeletion,
  decideRoomDeletion,
  decideSessionDates,
  decideSessionReferences,
  decideSpeakerDeletion,
  sessionAfterMove,
  sessionAfterUpdate,
} from "@tribune/domain/congress";
import { DomainError, enforce, instantFromLocal } from "@tribune/domain/kernel";
import { describe, expect, it } from "vitest";
import { stableUuid } from "../../fixtures";

const ROOM = stableUuid(2, 1);
const OTHER_ROOM = stableUuid(2, 9);
const SPEAKER = stableUuid(3, 1);
const PARTNER = stableUuid(4, 1);
const EDITION = { firstDay: "2026-01-22", lastDay: "2026-01-24", timeZone: "Europe/Paris" };

describe("deleting from the programme's catalogue", () => {
  it("lets an unused room, speaker or partner go without asking", () => {
    expect(decideRoomDeletion({ name: "Salle 5" }, 0, false)).toEqual({
      ok: true,
      detachedSessions: 0,
    });
    expect(decideSpeakerDeletion({ name: "Camille" }, 0, false).ok).toBe(true);
    expect(decidePartnerDeletion({ name: "MACSF" }, 0, false).ok).toBe(true);
  });

  it("asks for a confirmation while sessions use it, naming it and counting them", () => {
    expect(decideRoomDeletion({ name: "Salle 5" }, 3, false)).toEqual({
      ok: false,
      refusal: {
        reason: "room_in_use",
        code: "referenced",
        message:
          "La salle « Salle 5 » accueille 3 sessions. Confirmez pour la supprimer et la retirer de ces sessions.",
      },
    });
    const speaker = decideSpeakerDeletion({ name: "Camille Durand" }, 2, false);
    expect(speaker.ok || speaker.refusal.message).toBe(
      "Camille Durand intervient dans 2 sessions. Confirmez pour la ou le retirer de ces sessions et supprimer sa fiche.",
    );
    const partner = decidePartnerDeletion({ name: "MACSF" }, 1, false);
    expect(partner.ok || partner.refusal.reason).toBe("partner_in_use");
    // One session: the singular, down to "cette session".
    expect(partner.ok || partner.refusal.message).toBe(
      "Le partenaire « MACSF » est associé à 1 session. Confirmez pour le retirer de cette session et le supprimer.",
    );
  });

  it("once confirmed, says how many sessions lose it", () => {
    expect(decideRoomDeletion({ name: "Salle 5" }, 3, true)).toEqual({
      ok: true,
      detachedSessions: 3,
    });
  });
});

describe("decideSessionDates", () => {
  const at = (day: string, time: string) => instantFromLocal(day, time);

  it("accepts a session within the congress's days, up to the last day's midnight", () => {
    expect(
      decideSessionDates(
        { startsAt: at("2026-01-24", "22:00"), endsAt: at("2026-01-24", "23:59") },
        EDITION,
      ),
    ).toEqual({ ok: true });
  });

  it("refuses a session outside them on its start, in French", () => {
    const decision = decideSessionDates(
      { startsAt: at("2025-01-22", "09:00"), endsAt: at("2025-01-22", "10:00") },
      EDITION,
    );
    const message =
      "La session doit avoir lieu pendant le congrès, entre le 22 janvier 2026 et le 24 janvier 2026.";
    expect(decision).toEqual({
      ok: false,
      refusal: {
        reason: "session_outside_edition",
        code: "invalid",
        message,
        fieldErrors: { startsAt: [message] },
      },
    });
    expect(() => enforce(decision)).toThrow(DomainError);
  });
});

describe("decideSessionReferences", () => {
  const known = { rooms: [{ id: ROOM }], speakers: [{ id: SPEAKER }], partners: [{ id: PARTNER }] };
  const session = { roomIds: [ROOM], speakerIds: [SPEAKER], partnerId: PARTNER };

  it("accepts rooms, speakers and a partner on record", () => {
    expect(decideSessionReferences(session, known)).toEqual({ ok: true });
    expect(
      decideSessionReferences({ roomIds: [], speakerIds: [], partnerId: null }, known),
    ).toEqual({
      ok: true,
    });
  });

  it.each([
    [
      "a room of another edition",
      { roomIds: [OTHER_ROOM] },
      "Une des salles choisies n'existe pas dans cette édition.",
    ],
    [
      "an unknown speaker",
      { speakerIds: [SPEAKER, stableUuid(3, 9)] },
      "Un·e des intervenant·es choisi·es n'existe pas.",
    ],
    ["an unknown partner", { partnerId: stableUuid(4, 9) }, "Le partenaire choisi n'existe pas."],
  ])("refuses %s, in French", (_, change, message) => {
    const decision = decideSessionReferences({ ...session, ...change }, known);
    expect(decision.ok || decision.refusal).toMatchObject({ code: "invalid", message });
  });
});

describe("a stored session, changed", () => {
  const at = (time: string) => instantFromLocal("2026-01-22", time);
  const stored: Session = {
    id: stableUuid(5, 1),
    editionId: stableUuid(1, 26),
    kind: "atelier",
    title: "Atelier",
    description: "",
    startsAt: at("14:30"),
    endsAt: at("16:00"),
    roomIds: [ROOM],
    wholeVenue: false,
    speakerIds: [SPEAKER],
    themes: [],
    partnerId: null,
    capacityOverride: null,
    published: true,
  };

  it("keeps what an edit leaves out (an edited title stays published, in its rooms)", () => {
    expect(sessionAfterUpdate(stored, { id: stored.id, title: "Atelier 2" })).toEqual({
      ...stored,
      title: "Atelier 2",
    });
  });

  it("moves to new times, and to new rooms only when dropped in another column", () => {
    const move = { id: stored.id, startsAt: at("09:00"), endsAt: at("10:00") };
    expect(sessionAfterMove(stored, move)).toEqual({ ...stored, ...move, roomIds: [ROOM] });
    expect(sessionAfterMove(stored, { ...move, roomIds: [OTHER_ROOM] }).roomIds).toEqual([
      OTHER_ROOM,
    ]);
  });
});

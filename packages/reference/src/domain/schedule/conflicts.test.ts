import type { Session, Speaker } from "@tribune/domain/congress";
import { instantFromLocal, localDay } from "@tribune/domain/kernel";
import { findConflicts, type ScheduleData } from "@tribune/domain/schedule";
import { describe, expect, it } from "vitest";
import { referenceProgramme2026, stableUuid } from "../../fixtures";

const ref = referenceProgramme2026();
const [AMPHI, SALLE2, SALLE3, SALLE4] = ref.rooms.map((r) => r.id) as [
  string,
  string,
  string,
  string,
];
const THU = "2026-01-22";
const FRI = "2026-01-23";

const byTitle = (title: string): Session => {
  const found = ref.sessions.find((s) => s.title === title);
  if (!found) throw new Error(`No reference session "${title}"`);
  return found;
};
const EVOLUTION = byTitle(
  "Évolution de la pratique de la Médecine Générale et de la place du médecin généraliste",
);
const REMPLA = byTitle("1,2,3 rempla");
const VARNEY = byTitle("Prix Alexandre VARNEY : Présentation des candidats");

let extraCount = 0;
/** A new session on top of the reference programme. */
function extra(day: string, start: string, end: string, fields: Partial<Session> = {}): Session {
  extraCount += 1;
  return {
    ...REMPLA,
    id: stableUuid(9, extraCount),
    title: `Session ajoutée ${extraCount}`,
    startsAt: instantFromLocal(day, start),
    endsAt: instantFromLocal(day, end),
    roomIds: [SALLE3],
    wholeVenue: false,
    speakerIds: [],
    ...fields,
  };
}

/** The reference programme with some sessions replaced (same id) or added. */
function schedule(changes: Session[], speakers: Speaker[] = []): ScheduleData {
  const changed = new Map(changes.map((s) => [s.id, s]));
  const sessions = ref.sessions.map((s) => changed.get(s.id) ?? s);
  const added = changes.filter((s) => !ref.sessions.some((r) => r.id === s.id));
  return { edition: ref.edition, rooms: ref.rooms, sessions: [...sessions, ...added], speakers };
}

const speaker = (n: number, name: string, unavailable: Speaker["unavailable"] = []): Speaker => ({
  id: stableUuid(5, n),
  name,
  affiliation: "",
  bio: "",
  unavailable,
});

describe("findConflicts on the 2026 programme", () => {
  it("finds none in the press kit's planning", () => {
    expect(findConflicts(schedule([]))).toEqual([]);
  });

  it("reports moving « 1,2,3 rempla » onto the Amphi at 14:30 once, naming both sessions", () => {
    const conflicts = findConflicts(schedule([{ ...REMPLA, roomIds: [AMPHI] }]));
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(conflict).toMatchObject({ kind: "room_double_booked", roomId: AMPHI, speakerId: null });
    expect([...(conflict?.sessionIds ?? [])].sort()).toEqual([EVOLUTION.id, REMPLA.id].sort());
    expect(conflict?.message).toContain("Amphi Romanée Conti");
    expect(conflict?.message).toContain("« 1,2,3 rempla »");
    expect(conflict?.message).toContain("« Évolution de la pratique");
    expect(conflict?.message).toContain("en même temps");
    // The time is formatted only once a pair is known to conflict: it must still be there.
    expect(conflict?.message).toMatch(/en même temps \(à 14:30\)\.$/);
  });

  it("reports a session overlapping a whole-venue break", () => {
    // Friday's break is 10:30–11:00; this session runs into it from Salle 2.
    const pause = ref.sessions.find((x) => x.kind === "pause" && localDay(x.startsAt) === FRI);
    const late = extra(FRI, "10:40", "11:00", { roomIds: [SALLE2] });
    const conflicts = findConflicts(schedule([late]));
    expect(conflicts.map((c) => c.kind)).toEqual(["venue_double_booked"]);
    expect(conflicts[0]?.sessionIds).toContain(late.id);
    expect(conflicts[0]?.sessionIds).toContain(pause?.id);
    expect(conflicts[0]?.message).toContain("occupe tout le lieu");
    expect(conflicts[0]?.message).toContain("occupe tout le lieu (à 10:40).");
  });

  it("reports a speaker expected in two rooms at once", () => {
    const alice = speaker(1, "Dr Alice Martin");
    const conflicts = findConflicts(
      schedule(
        [
          { ...EVOLUTION, speakerIds: [alice.id] },
          { ...VARNEY, speakerIds: [alice.id] },
        ],
        [alice],
      ),
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: "speaker_double_booked", speakerId: alice.id });
    expect(conflicts[0]?.message).toContain("Dr Alice Martin");
  });

  it("reports a speaker booked during one of their unavailability windows", () => {
    const bob = speaker(2, "Bob Durand", [
      {
        startsAt: instantFromLocal(THU, "15:00"),
        endsAt: instantFromLocal(THU, "18:00"),
        reason: "garde",
      },
    ]);
    const conflicts = findConflicts(schedule([{ ...EVOLUTION, speakerIds: [bob.id] }], [bob]));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      kind: "speaker_unavailable",
      sessionIds: [EVOLUTION.id],
      speakerId: bob.id,
    });
    expect(conflicts[0]?.message).toContain("Bob Durand n'est pas disponible");
    expect(conflicts[0]?.message).toContain("(garde)");
    // The slot in Paris wall time, in French, never an ISO day.
    expect(conflicts[0]?.message).toMatch(
      /, jeudi 22 janvier, \d{2}:\d{2}–\d{2}:\d{2} \(garde\)\.$/,
    );
  });

  it("does not flag a speaker whose unavailability ends as the session starts", () => {
    const bob = speaker(2, "Bob Durand", [
      { startsAt: instantFromLocal(THU, "12:00"), endsAt: EVOLUTION.startsAt, reason: "" },
    ]);
    expect(findConflicts(schedule([{ ...EVOLUTION, speakerIds: [bob.id] }], [bob]))).toEqual([]);
  });

  it("reports a session on the day after the congress", () => {
    const saturday = extra("2026-01-24", "10:00", "11:00", { roomIds: [AMPHI] });
    const conflicts = findConflicts(schedule([saturday]));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: "outside_edition", sessionIds: [saturday.id] });
    expect(conflicts[0]?.message).toContain("en dehors des jours du congrès");
    expect(conflicts[0]?.message).toContain("(24/01/2026 10:00–11:00)");
  });

  it("reports a session left without any room, as after its room was deleted", () => {
    const roomless = { ...REMPLA, roomIds: [] };
    const conflicts = findConflicts(schedule([roomless]));
    expect(conflicts).toEqual([
      expect.objectContaining({ kind: "unplaced", sessionIds: [REMPLA.id] }),
    ]);
    expect(conflicts[0]?.message).toContain("n'a plus de salle");
  });

  it("reports a session in Salle 4 on Friday, when that room is closed", () => {
    const friday = extra(FRI, "14:30", "16:30", { roomIds: [SALLE4] });
    const conflicts = findConflicts(schedule([friday]));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: "room_closed", roomId: SALLE4 });
    expect(conflicts[0]?.message).toContain("salle non ouverte le vendredi 23 janvier.");
    expect(conflicts[0]?.message).toContain("Salle 4 : Meursault Nuits Corton");
  });

  it("reports each overlapping pair once", () => {
    // Three sessions overlapping each other in Salle 3 on Thursday: 3 pairs, not 6.
    const a = extra(THU, "14:30", "15:30");
    const b = extra(THU, "15:00", "16:00");
    const conflicts = findConflicts(schedule([a, b]));
    expect(conflicts.every((c) => c.kind === "room_double_booked")).toBe(true);
    const pairs = conflicts.map((c) => [...c.sessionIds].sort().join("+"));
    const expected = [
      [REMPLA.id, a.id],
      [REMPLA.id, b.id],
      [a.id, b.id],
    ].map((p) => p.sort().join("+"));
    expect(pairs.sort()).toEqual(expected.sort());
  });

  it("names each shared room when a pair shares several", () => {
    const both = [SALLE2, SALLE3];
    const conflicts = findConflicts(
      schedule([
        { ...VARNEY, roomIds: both },
        { ...REMPLA, roomIds: both },
      ]),
    );
    expect(conflicts.map((c) => [c.kind, c.roomId])).toEqual([
      ["room_double_booked", SALLE2],
      ["room_double_booked", SALLE3],
    ]);
  });

  it("lists every conflict at once", () => {
    const alice = speaker(1, "Dr Alice Martin");
    const conflicts = findConflicts(
      schedule(
        [
          { ...REMPLA, roomIds: [AMPHI], speakerIds: [alice.id] },
          { ...VARNEY, speakerIds: [alice.id] },
          extra(FRI, "14:30", "16:30", { roomIds: [SALLE4] }),
          extra("2026-01-24", "10:00", "11:00"),
        ],
        [alice],
      ),
    );
    expect(conflicts.map((c) => c.kind).sort()).toEqual([
      "outside_edition",
      "room_closed",
      "room_double_booked",
      "speaker_double_booked",
    ]);
  });
});

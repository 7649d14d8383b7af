import type { Session } from "@tribune/domain/congress";
import { instantFromLocal } from "@tribune/domain/kernel";
import { ProgrammeEntry, toProgramme } from "@tribune/domain/schedule";
import { describe, expect, it } from "vitest";
import { referenceProgramme2026, stableUuid } from "../../fixtures";

const ref = referenceProgramme2026();
const refs = {
  rooms: ref.rooms,
  speakers: [],
  partners: ref.partners,
  timeZone: ref.edition.timeZone,
};
const [AMPHI, SALLE2, SALLE3] = ref.rooms.map((r) => r.id) as [string, string, string];

describe("toProgramme", () => {
  const programme = toProgramme(ref.sessions, refs);

  it("gives every reference session as a valid programme entry", () => {
    expect(programme).toHaveLength(34);
    for (const entry of programme) expect(ProgrammeEntry.parse(entry)).toEqual(entry);
  });

  it("orders by start, then by room order, whatever the input order", () => {
    const shuffled = [...ref.sessions].reverse();
    const fridayAfternoon = toProgramme(shuffled, refs).filter(
      (e) => e.day === "2026-01-23" && e.start === "14:30",
    );
    expect(fridayAfternoon.map((e) => e.title)).toEqual([
      "1,2,3 thèse",
      "Les Pseudo Sciences",
      "Décoloniser la Santé",
    ]);
    const instants = toProgramme(shuffled, refs).map((e) => Date.parse(e.startsAt));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
  });

  it("gives Paris wall times and room names", () => {
    const rempla = programme.find((e) => e.title === "1,2,3 rempla");
    expect(rempla).toMatchObject({
      day: "2026-01-22",
      start: "14:30",
      end: "16:00",
      rooms: ["Salle 3 : Musigny – Pommard – Volnay"],
      wholeVenue: false,
      partner: null,
    });
    expect(programme[0]).toMatchObject({ title: "Accueil des congressistes", start: "08:00" });
    expect(programme.at(-1)).toMatchObject({ day: "2026-01-23", start: "17:30", end: "18:00" });
  });

  it("names the partner and keeps the room of a venue-wide plenary", () => {
    const gpm = programme.find((e) => e.title === "Intervention Groupe Pasteur Mutualité");
    expect(gpm).toMatchObject({
      partner: "Groupe Pasteur Mutualité",
      wholeVenue: true,
      rooms: ["Amphi Romanée Conti"],
    });
  });

  it("sorts a multi-room session by its first room in room order", () => {
    const at = (roomIds: string[], n: number): Session => ({
      ...(ref.sessions[0] as Session),
      id: stableUuid(9, n),
      title: `S${n}`,
      startsAt: instantFromLocal("2026-01-23", "09:00"),
      endsAt: instantFromLocal("2026-01-23", "10:00"),
      roomIds,
      wholeVenue: false,
    });
    const titles = toProgramme(
      [at([SALLE3], 1), at([SALLE3, AMPHI], 2), at([SALLE2], 3)],
      refs,
    ).map((e) => e.title);
    expect(titles).toEqual(["S2", "S3", "S1"]);
  });
});

import type { Session } from "@tribune/domain/congress";
import { instantFromLocal } from "@tribune/domain/kernel";
import { buildDayGrid, type DayGrid } from "@tribune/domain/schedule";
import { describe, expect, it } from "vitest";
import { FRIDAY, PROGRAMME_2026, ROOMS_2026, THURSDAY } from "../../congress2026";
import { referenceProgramme2026, stableUuid } from "../../fixtures";

const ref = referenceProgramme2026();
const tz = ref.edition.timeZone;
const grid = (day: string, sessions: Session[] = ref.sessions) =>
  buildDayGrid(day, ref.rooms, sessions, tz);
const thursday = grid(THURSDAY);
const friday = grid(FRIDAY);

const ROOM_NAMES = [
  "Amphi Romanée Conti",
  "Salle 2 : Clos de Vougeot",
  "Salle 3 : Musigny – Pommard – Volnay",
  "Salle 4 : Meursault Nuits Corton",
];
/** The "Heure" column of each printed table. */
const THURSDAY_TIMES =
  "08:00 09:00 10:00 10:15 10:30 11:00 11:30 13:00 14:00 14:30 15:00 15:30 16:00 16:30 18:00 20:00";
const FRIDAY_TIMES = "08:00 09:00 10:30 11:00 11:30 13:00 14:30 16:30 17:00 17:30";
const cellsTitled = (g: DayGrid, title: string) => g.cells.filter((c) => c.title === title);
const EVOLUTION =
  "Évolution de la pratique de la Médecine Générale et de la place du médecin généraliste";

describe("buildDayGrid reproduces the press kit's Thursday table", () => {
  it("has the four rooms as columns, in order", () => {
    expect(thursday.columns.map((c) => c.name)).toEqual(ROOM_NAMES);
  });

  it("has one row per start time of the printed table", () => {
    expect(thursday.rows.map((r) => r.time)).toEqual(THURSDAY_TIMES.split(" "));
  });

  it("runs whole-venue entries across every column", () => {
    for (const title of [
      "Accueil des congressistes",
      "Plénière d'ouverture",
      "Pause dans le Hall Partenaires",
      "Déjeuner puis Café dans le Hall Partenaires",
      "Gala",
    ]) {
      const cells = cellsTitled(thursday, title);
      expect(cells.length, title).toBeGreaterThan(0);
      for (const cell of cells) expect(cell, title).toMatchObject({ column: 0, colSpan: 4 });
    }
    expect(cellsTitled(thursday, "Pause dans le Hall Partenaires")).toHaveLength(2);
  });

  it("draws « Évolution de la pratique… » down the 14:30, 15:00 and 15:30 rows of the Amphi", () => {
    const [cell] = cellsTitled(thursday, EVOLUTION);
    expect(cell).toMatchObject({ column: 0, colSpan: 1, rowSpan: 3 });
    expect(thursday.rows[cell?.row ?? -1]?.time).toBe("14:30");
  });

  it("puts each partner conference of Salle 4 in the last column, one row each", () => {
    const conferences = thursday.cells.filter((c) => c.kind === "conference_partenaire");
    expect(conferences.map((c) => thursday.rows[c.row]?.time)).toEqual([
      "14:00",
      "14:30",
      "15:00",
      "15:30",
    ]);
    for (const c of conferences) expect(c).toMatchObject({ column: 3, colSpan: 1, rowSpan: 1 });
  });
});

describe("buildDayGrid reproduces the press kit's Friday table", () => {
  it("has three columns: Salle 4 is not open", () => {
    expect(friday.columns.map((c) => c.name)).toEqual(ROOM_NAMES.slice(0, 3));
  });

  it("has one row per start time of the printed table", () => {
    expect(friday.rows.map((r) => r.time)).toEqual(FRIDAY_TIMES.split(" "));
  });

  it("runs the welcome, break, lunch and closing entries across the three columns", () => {
    const wide = friday.cells.filter((c) => c.colSpan === 3).map((c) => c.title);
    expect(wide).toContain("Accueil des congressistes");
    expect(wide).toContain("Pause dans le Hall Partenaires");
    expect(wide).toContain("Déjeuner puis Café dans le Hall Partenaires");
    expect(wide).toContain("Discours de clôture du congrès");
  });
});

describe("buildDayGrid places every press-kit entry", () => {
  it("draws Thursday's 20 and Friday's 14 entries, 34 in all", () => {
    expect(thursday.cells).toHaveLength(20);
    expect(friday.cells).toHaveLength(14);
    const drawn = new Set([...thursday.cells, ...friday.cells].map((c) => c.sessionId));
    expect(drawn).toEqual(new Set(ref.sessions.map((s) => s.id)));
  });

  it("puts each entry in its printed row and room column", () => {
    PROGRAMME_2026.forEach((entry, i) => {
      const g = entry.day === THURSDAY ? thursday : friday;
      const [cell] = g.cells.filter((c) => c.sessionId === ref.sessions[i]?.id);
      expect(g.rows[cell?.row ?? -1]?.time, entry.title).toBe(entry.start);
      if (entry.rooms === "venue") {
        expect(cell, entry.title).toMatchObject({ column: 0, colSpan: g.columns.length });
      } else {
        const roomName = ROOMS_2026.find((r) => r.key === entry.rooms[0])?.name;
        expect(g.columns[cell?.column ?? -1]?.name, entry.title).toBe(roomName);
      }
    });
  });
});

describe("buildDayGrid with multi-room sessions", () => {
  const [amphi, salle2, salle3, salle4] = ref.rooms.map((r) => r.id);
  const decoloniser = ref.sessions.find((s) => s.title === "Décoloniser la Santé") as Session;
  const combined = (roomIds: (string | undefined)[]): Session => ({
    ...decoloniser,
    id: stableUuid(9, 1),
    title: "Session combinée",
    startsAt: instantFromLocal(FRIDAY, "14:30"),
    endsAt: instantFromLocal(FRIDAY, "16:30"),
    roomIds: roomIds as string[],
    wholeVenue: false,
  });

  it("splits a session in two non-adjacent rooms into two cells", () => {
    const g = grid(FRIDAY, [combined([amphi, salle3])]);
    expect(g.cells.map((c) => [c.column, c.colSpan])).toEqual([
      [0, 1],
      [2, 1],
    ]);
  });

  it("joins a session in two adjacent rooms into one wide cell", () => {
    const g = grid(FRIDAY, [combined([salle2, amphi])]);
    expect(g.cells.map((c) => [c.column, c.colSpan])).toEqual([[0, 2]]);
  });

  it("shows a closed room's column when a session uses it anyway", () => {
    const g = grid(FRIDAY, [combined([salle4])]);
    expect(g.columns.map((c) => c.name)).toEqual(ROOM_NAMES);
    expect(g.cells).toMatchObject([{ column: 3, colSpan: 1 }]);
  });
});

import { describe, expect, it } from "vitest";
import { changedFields, entityName, fieldLines, formatValue, namesFromEntries } from "./auditDiff";
import { uuid } from "./testing";

const room = {
  id: uuid(1),
  editionId: uuid(100),
  name: "Salle 4 : Meursault Nuits Corton",
  capacity: 80,
  order: 4,
  days: ["2026-01-22"],
};

describe("changedFields", () => {
  it("keeps only what an update changed, in French", () => {
    const entry = {
      entity: "room" as const,
      entityId: room.id,
      before: room,
      after: { ...room, capacity: 120, days: [] },
    };
    expect(changedFields(entry).map(({ label, before, after }) => [label, before, after])).toEqual([
      ["Capacité", "80", "120"],
      ["Jours d'ouverture", "jeudi 22 janvier", "tous les jours"],
    ]);
  });

  it("reads a move in Paris time and room ids as room names", () => {
    const session = {
      id: uuid(2),
      editionId: uuid(100),
      title: "1,2,3 rempla",
      kind: "boite_a_outils",
      startsAt: "2026-01-22T13:30:00.000Z",
      endsAt: "2026-01-22T15:00:00.000Z",
      roomIds: [uuid(3)],
    };
    const entry = {
      entity: "session" as const,
      entityId: session.id,
      before: session,
      after: {
        ...session,
        startsAt: "2026-01-22T15:30:00.000Z",
        endsAt: "2026-01-22T17:00:00.000Z",
        roomIds: [uuid(1)],
      },
    };
    const names = new Map([
      [uuid(1), "Amphi Romanée Conti"],
      [uuid(3), "Salle 3 : Musigny – Pommard – Volnay"],
    ]);
    expect(changedFields(entry, names).map((l) => `${l.label} : ${l.before} → ${l.after}`)).toEqual(
      [
        "Début : 22/01/2026 14:30 → 22/01/2026 16:30",
        "Fin : 22/01/2026 16:00 → 22/01/2026 18:00",
        "Salles : Salle 3 : Musigny – Pommard – Volnay → Amphi Romanée Conti",
      ],
    );
  });

  it("has nothing to compare on a creation or a deletion", () => {
    expect(changedFields({ entity: "room", entityId: room.id, after: room })).toEqual([]);
    expect(changedFields({ entity: "room", entityId: room.id, before: room, after: null })).toEqual(
      [],
    );
  });

  it("ignores key order and technical fields", () => {
    const reordered = {
      days: room.days,
      order: 4,
      capacity: 80,
      name: room.name,
      editionId: uuid(7),
      id: room.id,
    };
    expect(
      changedFields({ entity: "room", entityId: room.id, before: room, after: reordered }),
    ).toEqual([]);
  });
});

describe("fieldLines", () => {
  it("lists every readable field of a creation", () => {
    const lines = fieldLines({ entity: "room", entityId: room.id, after: room });
    expect(lines.map((l) => [l.label, l.after])).toEqual([
      ["Nom", "Salle 4 : Meursault Nuits Corton"],
      ["Capacité", "80"],
      ["Ordre", "4"],
      ["Jours d'ouverture", "jeudi 22 janvier"],
    ]);
  });
});

describe("formatValue", () => {
  it("speaks French for codes, empties and booleans", () => {
    expect(formatValue("partner", "kind", "collectivite")).toBe("Collectivité territoriale");
    expect(formatValue("session", "kind", "table_ronde")).toBe("Table ronde");
    expect(formatValue("user", "role", "organiser")).toBe("Organisation du congrès");
    expect(formatValue("session", "published", true)).toBe("oui");
    expect(formatValue("room", "capacity", null)).toBe("—");
    expect(formatValue("session", "partnerId", uuid(5))).toBe("partenaire supprimé");
    expect(formatValue("room", "capacity", 1200)).toBe("1\u202f200");
  });

  it("shows unavailability windows in Paris time", () => {
    expect(
      formatValue("speaker", "unavailable", [
        {
          startsAt: "2026-01-22T13:00:00.000Z",
          endsAt: "2026-01-22T15:00:00.000Z",
          reason: "garde",
        },
      ]),
    ).toBe("22/01/2026 14:00–16:00 (garde)");
  });
});

describe("names", () => {
  it("name an entry by its name, title or address, and remember deleted things' names", () => {
    const entries = [
      {
        entity: "room" as const,
        entityId: uuid(1),
        before: { ...room, name: "Salle 4 bis" },
        after: null,
      },
      { entity: "room" as const, entityId: uuid(1), before: null, after: room },
      { entity: "user" as const, entityId: uuid(9), after: { email: "organiser@tribune.demo" } },
    ];
    expect(entityName(entries[0] ?? {})).toBe("Salle 4 bis");
    expect(entityName(entries[2] ?? {})).toBe("organiser@tribune.demo");
    // Newest first, as the API sends them: the latest name wins.
    expect(namesFromEntries(entries).get(uuid(1))).toBe("Salle 4 bis");
  });
});

import { describe, expect, it } from "vitest";
import { clockAt } from "./clock";
import { editionMoment, nowAndNext } from "./model";
import { sampleData } from "./test-fixtures";

describe("editionMoment", () => {
  const { edition } = sampleData();
  it("counts the days to go before the congress", () => {
    expect(editionMoment(edition, new Date("2026-01-10T12:00:00Z"))).toBe("dans 12 jours (J-12)");
    expect(editionMoment(edition, new Date("2026-01-21T12:00:00Z"))).toBe("demain (J-1)");
  });
  it("says the day and the Paris time during the congress", () => {
    expect(editionMoment(edition, clockAt("2026-01-22T10:42")())).toBe("jour 1, 10:42");
    expect(editionMoment(edition, clockAt("2026-01-23T09:05")())).toBe("jour 2, 09:05");
  });
});

describe("nowAndNext", () => {
  it("shows a whole-venue session once, as the whole venue", () => {
    const rows = nowAndNext(sampleData(), clockAt("2026-01-22T10:42")());
    expect(rows).toHaveLength(1);
    expect(rows[0]?.room).toBe("Tout le lieu");
    expect(rows[0]?.now?.title).toMatch(/Flash Actualité/);
    expect(rows[0]?.next?.title).toMatch(/Pause/);
  });
  it("gives each room its own session during parallel tracks", () => {
    const rows = nowAndNext(sampleData(), clockAt("2026-01-22T14:40")());
    expect(rows.length).toBeGreaterThan(2);
    expect(new Set(rows.map((r) => r.now?.id)).size).toBe(rows.length);
  });
});

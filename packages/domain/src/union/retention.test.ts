import { describe, expect, it } from "vitest";
import { editionsPastRetention, personalDataKeptUntil } from "./retention";

describe("how long a congress keeps its registrations", () => {
  it("keeps them one year after the last day", () => {
    expect(personalDataKeptUntil("2026-01-23")).toBe("2027-01-23");
    expect(personalDataKeptUntil("2028-02-29")).toBe("2029-02-28");
  });

  const edition = (id: string, lastDay: string) => ({
    id,
    year: Number(lastDay.slice(0, 4)),
    lastDay,
    timeZone: "Europe/Paris",
  });
  const editions = [edition("a", "2025-01-24"), edition("b", "2026-01-23")];

  it("purges an edition from the day after its promise, in Paris, once", () => {
    // 2027-01-23 23:30 in Paris is still the last day kept for the 2026 congress.
    const lastKeptEvening = new Date("2027-01-23T22:30:00Z");
    expect(editionsPastRetention(editions, new Set(), lastKeptEvening).map((e) => e.id)).toEqual([
      "a",
    ]);
    // Past midnight in Paris (23:30 UTC), the 2026 congress's data goes too…
    const nextMorning = new Date("2027-01-23T23:30:00Z");
    expect(editionsPastRetention(editions, new Set(), nextMorning).map((e) => e.id)).toEqual([
      "a",
      "b",
    ]);
    // …but an edition already purged is not purged again.
    expect(editionsPastRetention(editions, new Set(["a"]), nextMorning).map((e) => e.id)).toEqual([
      "b",
    ]);
  });
});

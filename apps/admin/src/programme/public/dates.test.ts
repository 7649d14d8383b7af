import { describe, expect, it } from "vitest";
import { formatEditionDates } from "./dates";

describe("formatEditionDates", () => {
  it("says the month once when both days share it", () => {
    expect(formatEditionDates("2026-01-22", "2026-01-23")).toBe(
      "du jeudi 22 au vendredi 23 janvier 2026",
    );
  });

  it("names both months, and both years when they differ", () => {
    expect(formatEditionDates("2026-01-31", "2026-02-01")).toBe(
      "du samedi 31 janvier au dimanche 1er février 2026",
    );
    expect(formatEditionDates("2025-12-31", "2026-01-01")).toBe(
      "du mercredi 31 décembre 2025 au jeudi 1er janvier 2026",
    );
  });

  it("handles a one-day edition", () => {
    expect(formatEditionDates("2026-01-22", "2026-01-22")).toBe("le jeudi 22 janvier 2026");
  });
});

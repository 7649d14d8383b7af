import { describe, expect, it } from "vitest";
import {
  calendarDay,
  capitalise,
  formatCongressDay,
  formatCongressSlot,
  formatDate,
  formatDateTime,
  formatDay,
  formatDayMonth,
  formatEditionDates,
  formatPrintedTime,
  formatShortDate,
  formatSlot,
  formatTime,
  formatTimeRange,
} from "./index";

// 14:30 in Paris on a winter day (UTC+1) and on a summer day (UTC+2, daylight saving).
const WINTER = "2026-01-22T13:30:00.000Z";
const SUMMER = "2026-07-02T12:30:00.000Z";
// 22:30 UTC on 30 June is 00:30 on 1 July in Paris (UTC+2).
const UTC_MIDNIGHT = "2026-06-30T22:30:00.000Z";

describe("dates in running text", () => {
  it("writes a day with its weekday and year, the first of the month as 1er", () => {
    expect(formatDay("2026-01-22")).toBe("jeudi 22 janvier 2026");
    expect(formatDay("2026-05-01")).toBe("vendredi 1er mai 2026");
    expect(formatDate("2023-10-13")).toBe("13 octobre 2023");
    expect(formatDate("2026-08-01")).toBe("1er août 2026");
  });

  it("drops the year only for a day of the congress", () => {
    expect(formatCongressDay("2026-01-23")).toBe("vendredi 23 janvier");
    expect(capitalise(formatCongressDay("2026-01-22"))).toBe("Jeudi 22 janvier");
  });

  it("reads an instant as the day it falls on in Paris", () => {
    expect(formatDay(WINTER)).toBe("jeudi 22 janvier 2026");
    expect(calendarDay(UTC_MIDNIGHT)).toBe("2026-07-01");
    expect(formatDay(UTC_MIDNIGHT)).toBe("mercredi 1er juillet 2026");
    expect(formatDay(new Date(UTC_MIDNIGHT))).toBe("mercredi 1er juillet 2026");
  });

  it("says an edition's days once: month and year when shared", () => {
    expect(formatEditionDates("2026-01-22", "2026-01-23")).toBe(
      "du jeudi 22 au vendredi 23 janvier 2026",
    );
    expect(formatEditionDates("2026-01-31", "2026-02-01")).toBe(
      "du samedi 31 janvier au dimanche 1er février 2026",
    );
    expect(formatEditionDates("2025-12-31", "2026-01-01")).toBe(
      "du mercredi 31 décembre 2025 au jeudi 1er janvier 2026",
    );
    expect(formatEditionDates("2026-01-22", "2026-01-22")).toBe("le jeudi 22 janvier 2026");
  });
});

describe("compact dates and times", () => {
  it("writes Paris wall time in winter and in summer", () => {
    expect(formatTime(WINTER)).toBe("14:30");
    expect(formatTime(SUMMER)).toBe("14:30");
    expect(formatDateTime(WINTER)).toBe("22/01/2026 14:30");
    expect(formatDateTime(SUMMER)).toBe("02/07/2026 14:30");
  });

  it("never shows the UTC day of an instant that is already tomorrow in Paris", () => {
    expect(formatShortDate(UTC_MIDNIGHT)).toBe("01/07/2026");
    expect(formatDateTime(UTC_MIDNIGHT)).toBe("01/07/2026 00:30");
    expect(formatDayMonth(UTC_MIDNIGHT)).toBe("01/07");
  });

  it("keeps a calendar day as it is, whatever the zone", () => {
    expect(formatShortDate("2026-01-22")).toBe("22/01/2026");
    expect(formatShortDate("2026-01-22", "Pacific/Kiritimati")).toBe("22/01/2026");
  });

  it("honours the edition's zone when one is given", () => {
    expect(formatTime(WINTER, "UTC")).toBe("13:30");
  });

  it("writes ranges with an en dash, and names both days of a slot over midnight", () => {
    const end = "2026-01-22T15:00:00.000Z";
    expect(formatTimeRange(WINTER, end)).toBe("14:30–16:00");
    expect(formatSlot(WINTER, end)).toBe("22/01/2026 14:30–16:00");
    expect(formatSlot("2026-01-22T21:00:00Z", "2026-01-23T01:00:00Z")).toBe(
      "22/01/2026 22:00 – 23/01/2026 02:00",
    );
    expect(formatCongressSlot(WINTER, end)).toBe("jeudi 22 janvier, 14:30–16:00");
    expect(formatCongressSlot("2026-01-22T21:00:00Z", "2026-01-23T09:00:00Z")).toBe(
      "du jeudi 22 janvier, 22:00 au vendredi 23 janvier, 10:00",
    );
  });

  it("prints the press kit's times as the reference kit does", () => {
    expect(formatPrintedTime("08:00")).toBe("8h00");
    expect(formatPrintedTime("14:30")).toBe("14h30");
  });
});

import { describe, expect, it } from "vitest";
import {
  daysBetween,
  endOfLocalDay,
  instantFromLocal,
  localDay,
  localMinutes,
  localTime,
  overlaps,
} from "./time";

describe("instantFromLocal", () => {
  it("reads Paris winter wall time as UTC+1", () => {
    expect(instantFromLocal("2026-01-22", "08:00")).toBe("2026-01-22T07:00:00.000Z");
  });

  it("reads Paris summer wall time as UTC+2", () => {
    expect(instantFromLocal("2026-07-02", "08:00")).toBe("2026-07-02T06:00:00.000Z");
  });

  it("honours another time zone", () => {
    expect(instantFromLocal("2026-01-22", "08:00", "UTC")).toBe("2026-01-22T08:00:00.000Z");
  });
});

describe("localDay and localTime", () => {
  it.each([
    ["2026-01-22", "08:00"],
    ["2026-01-23", "17:30"],
    ["2026-07-02", "23:45"],
    ["2026-03-29", "00:15"],
  ])("round-trip %s %s", (day, time) => {
    const instant = instantFromLocal(day, time);
    expect(localDay(instant)).toBe(day);
    expect(localTime(instant)).toBe(time);
  });

  it("give the Paris day, not the UTC day, late in the evening", () => {
    // 23:30Z on the 22nd is already 00:30 on the 23rd in Paris.
    expect(localDay("2026-01-22T23:30:00.000Z")).toBe("2026-01-23");
    expect(localTime("2026-01-22T23:30:00.000Z")).toBe("00:30");
  });

  it("localMinutes counts from local midnight", () => {
    expect(localMinutes(instantFromLocal("2026-01-22", "14:30"))).toBe(14 * 60 + 30);
  });

  it("answer per zone when asked the same instant again (the answers are kept per zone)", () => {
    const instant = "2026-01-22T23:30:00.000Z";
    expect([localDay(instant), localDay(instant, "UTC"), localDay(instant)]).toEqual([
      "2026-01-23",
      "2026-01-22",
      "2026-01-23",
    ]);
    expect([localMinutes(instant), localMinutes(instant, "America/New_York")]).toEqual([
      30,
      18 * 60 + 30,
    ]);
  });
});

describe("daysBetween", () => {
  it("lists both congress days inclusively", () => {
    expect(daysBetween("2026-01-22", "2026-01-23")).toEqual(["2026-01-22", "2026-01-23"]);
  });

  it("gives a single day when first and last are equal", () => {
    expect(daysBetween("2026-01-22", "2026-01-22")).toEqual(["2026-01-22"]);
  });

  it("crosses a month end and a DST change without skipping a day", () => {
    expect(daysBetween("2026-03-28", "2026-04-01")).toEqual([
      "2026-03-28",
      "2026-03-29",
      "2026-03-30",
      "2026-03-31",
      "2026-04-01",
    ]);
  });
});

describe("endOfLocalDay", () => {
  it("is the next local midnight", () => {
    expect(endOfLocalDay("2026-01-23")).toBe("2026-01-23T23:00:00.000Z");
  });
});

describe("overlaps", () => {
  const at = (start: string, end: string) => ({
    startsAt: instantFromLocal("2026-01-22", start),
    endsAt: instantFromLocal("2026-01-22", end),
  });

  it("is true when two slots share time", () => {
    expect(overlaps(at("14:30", "16:00"), at("15:00", "15:30"))).toBe(true);
  });

  it("is false when one ends exactly as the other starts", () => {
    expect(overlaps(at("13:00", "14:00"), at("14:00", "14:30"))).toBe(false);
  });
});

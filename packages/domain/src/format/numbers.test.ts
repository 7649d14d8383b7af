import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatEuros,
  formatNumber,
  formatPercent,
  formatPercentPoints,
  pluralForm,
} from "./index";

const N = "\u202F";

describe("numbers", () => {
  it("groups thousands with a narrow no-break space and writes a decimal comma", () => {
    expect(formatNumber(1234)).toBe(`1${N}234`);
    expect(formatNumber(1234.5)).toBe(`1${N}234,5`);
    expect(formatNumber(2.25, { maxDecimals: 1 })).toBe("2,3");
    expect(formatNumber(59, { minDecimals: 1, maxDecimals: 1 })).toBe("59,0");
  });

  it("writes plain spaces for a terminal", () => {
    expect(formatNumber(1234, { plainSpaces: true })).toBe("1 234");
    expect(formatCount(1234, "réponse", "réponses", { plainSpaces: true })).toBe("1 234 réponses");
  });

  it("writes percentages from a share or from points, one decimal at most by default", () => {
    expect(formatPercent(0.125)).toBe(`12,5${N}%`);
    expect(formatPercent(0.5)).toBe(`50${N}%`);
    expect(formatPercent(0.1234, { maxDecimals: 0 })).toBe(`12${N}%`);
    expect(formatPercentPoints(89.4)).toBe(`89,4${N}%`);
    expect(formatPercentPoints(43, { minDecimals: 1 })).toBe(`43,0${N}%`);
  });

  it("writes euros with cents only when there are some", () => {
    expect(formatEuros(270_000)).toBe(`270${N}000${N}€`);
    expect(formatEuros(12.5)).toBe(`12,50${N}€`);
  });

  it("counts in French: 0 and 1 in the singular", () => {
    expect(formatCount(0, "réponse", "réponses")).toBe("0 réponse");
    expect(formatCount(1, "réponse", "réponses")).toBe("1 réponse");
    expect(formatCount(2, "adhérent·e", "adhérent·es")).toBe("2 adhérent·es");
    expect(pluralForm(0, "réponse", "réponses")).toBe("réponse");
    expect(pluralForm(1, "réponse", "réponses")).toBe("réponse");
    expect(pluralForm(2, "réponse", "réponses")).toBe("réponses");
  });
});

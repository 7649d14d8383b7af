import { describe, expect, it } from "vitest";
import { summaryRepeatsBody } from "./RichBody";

describe("summaryRepeatsBody", () => {
  const body = [
    "Après **la grève** des internes, {{tt-moyenne}} heures. La suite.",
    { list: ["x"] },
  ];

  it("holds when the summary is the body's first words, markup aside", () => {
    expect(summaryRepeatsBody("Après la grève des internes,", body)).toBe(true);
    expect(summaryRepeatsBody("  ", body)).toBe(true);
  });

  it("does not hold for a summary of its own, which the page then prints", () => {
    expect(summaryRepeatsBody("Les gardes enfin payées.", body)).toBe(false);
    expect(summaryRepeatsBody("Un résumé.", [])).toBe(false);
  });
});

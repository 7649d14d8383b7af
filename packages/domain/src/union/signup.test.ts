import { describe, expect, it } from "vitest";
import { needsSignup, sessionCapacity } from "./signup";

describe("sessionCapacity", () => {
  it("takes the override, else the smallest room, else unknown", () => {
    expect(sessionCapacity(12, [null])).toBe(12);
    expect(sessionCapacity(null, [80, 40])).toBe(40);
    expect(sessionCapacity(null, [80, null])).toBeNull();
    expect(sessionCapacity(null, [])).toBeNull();
  });

  it("is asked of workshops and toolboxes only", () => {
    expect(needsSignup("atelier")).toBe(true);
    expect(needsSignup("boite_a_outils")).toBe(true);
    expect(needsSignup("pleniere")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { referenceSubdivisions, SUBDIVISIONS_REFERENCE } from "./subdivisions";
import { generateSyntheticRegistrations } from "./synthetic";

describe("the reference subdivisions", () => {
  it("are the federation's 23, with about 6,000 members and unique slugs", () => {
    const subdivisions = referenceSubdivisions();
    expect(subdivisions).toHaveLength(23);
    expect(new Set(subdivisions.map((s) => s.slug)).size).toBe(23);
    expect(new Set(subdivisions.map((s) => s.id)).size).toBe(23);
    const total = SUBDIVISIONS_REFERENCE.reduce((sum, s) => sum + s.declaredMembers, 0);
    expect(total).toBeGreaterThan(5_800);
    expect(total).toBeLessThan(6_300);
  });
});

describe("generateSyntheticRegistrations", () => {
  it("is deterministic, fake by construction and in registration order", () => {
    const a = generateSyntheticRegistrations(800);
    expect(generateSyntheticRegistrations(800)).toEqual(a);
    expect(a).toHaveLength(800);
    expect(new Set(a.map((p) => p.email)).size).toBe(800);
    expect(a.every((p) => p.email.endsWith("@synthetique.example"))).toBe(true);
    const times = a.map((p) => p.registeredAt);
    expect([...times].sort()).toEqual(times);
    const slugs = new Set(SUBDIVISIONS_REFERENCE.map((s) => s.slug));
    expect(a.every((p) => slugs.has(p.subdivisionSlug))).toBe(true);
  });

  it("draws every subdivision roughly in proportion to its size", () => {
    const people = generateSyntheticRegistrations(800);
    const paris = people.filter((p) => p.subdivisionSlug === "paris").length;
    expect(paris).toBeGreaterThan(100);
    expect(paris).toBeLessThan(180);
    expect(people.filter((p) => p.yearOfTraining === 1).length).toBeGreaterThan(400);
  });
});

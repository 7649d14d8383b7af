import { describe, expect, it } from "vitest";
import { subdivisionAccess, subdivisionFilter, subdivisionScope } from "./scope";

const LILLE = "lille";
const NANCY = "nancy";

describe("subdivision scope", () => {
  const organiser = { role: "organiser" as const, subdivisionId: null };
  const representative = { role: "representative" as const, subdivisionId: LILLE };
  const bureau = { role: "bureau" as const, subdivisionId: LILLE };

  it("organisers see everything, a representative their own subdivision, others nothing", () => {
    expect(subdivisionScope(organiser)).toEqual({ all: true });
    expect(subdivisionScope(representative)).toEqual({ all: false, subdivisionId: LILLE });
    expect(subdivisionScope(bureau)).toEqual({ all: false, subdivisionId: null });
  });

  it("narrows a list to the representative's subdivision and refuses another one", () => {
    expect(subdivisionFilter(organiser, NANCY)).toEqual({
      ok: true,
      filter: { subdivisionId: NANCY },
    });
    expect(subdivisionFilter(representative, undefined)).toEqual({
      ok: true,
      filter: { subdivisionId: LILLE },
    });
    expect(subdivisionFilter(bureau, undefined)).toEqual({ ok: true, filter: null });
    expect(subdivisionFilter(representative, NANCY)).toMatchObject({
      ok: false,
      refusal: {
        code: "forbidden",
        message: "Vous n'avez accès qu'aux données de votre subdivision.",
      },
    });
  });

  it("opens one subdivision to those whose scope holds it", () => {
    expect(subdivisionAccess(organiser, NANCY)).toEqual({ ok: true });
    expect(subdivisionAccess(representative, LILLE)).toEqual({ ok: true });
    expect(subdivisionAccess(representative, NANCY)).toMatchObject({ ok: false });
    expect(subdivisionAccess(bureau, LILLE)).toMatchObject({ ok: false });
  });
});

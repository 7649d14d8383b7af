import { describe, expect, it } from "vitest";
import { hyphenateFrench } from "./fonts";
import { frenchSpacing, NBSP, NNBSP } from "./typeset";

describe("frenchSpacing", () => {
  it("prints quotes as French guillemets with narrow no-break spaces inside", () => {
    expect(frenchSpacing('la revue "L\'Antidote" et “Docteur Junior”')).toBe(
      `la revue «${NNBSP}L'Antidote${NNBSP}» et «${NNBSP}Docteur Junior${NNBSP}»`,
    );
    expect(frenchSpacing("«Lutte contre les discriminations»,")).toBe(
      `«${NNBSP}Lutte contre les discriminations${NNBSP}»,`,
    );
    expect(frenchSpacing("Pourquoi ? Parce que : voilà")).toBe(
      `Pourquoi${NNBSP}? Parce que${NBSP}: voilà`,
    );
  });
});

describe("hyphenateFrench", () => {
  it("breaks long French words where French allows, and leaves the rest whole", () => {
    expect(hyphenateFrench("représentativité")).toEqual([
      "re",
      "pré",
      "sen",
      "ta",
      "ti",
      "vi",
      "té",
    ]);
    expect(hyphenateFrench("nouveautés")).toEqual(["nou", "veau", "tés"]);
    expect(hyphenateFrench("discriminations»,")).toEqual(["dis", "cri", "mi", "na", "tions»,"]);
    for (const whole of ["dans", "l'ISNAR-IMG!", "INFORMER", "2026", "contact@isnar-img.com"])
      expect(hyphenateFrench(whole)).toEqual([whole]);
  });
});

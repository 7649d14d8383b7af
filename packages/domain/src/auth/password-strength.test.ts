import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH } from "./account";
import { passwordStrength } from "./password-strength";

describe("passwordStrength", () => {
  it("says how many characters are missing, whatever the score", () => {
    expect(passwordStrength(PASSWORD_MIN_LENGTH - 3, 4, null)).toEqual({
      score: 1,
      acceptable: false,
      advice: "Encore 3 caractères au moins.",
    });
    expect(passwordStrength(PASSWORD_MIN_LENGTH - 1, 0, null).advice).toBe(
      "Encore 1 caractère au moins.",
    );
  });

  it("accepts from a score of 3, and passes the estimator's advice below it", () => {
    expect(passwordStrength(20, 3, "Ajoutez un mot.")).toEqual({
      score: 3,
      acceptable: true,
      advice: null,
    });
    expect(passwordStrength(20, 2, "C'est un mot courant.")).toEqual({
      score: 2,
      acceptable: false,
      advice: "C'est un mot courant.",
    });
    expect(passwordStrength(20, 1, null).advice).toBe(
      "Allongez-le ou mêlez des mots peu courants.",
    );
  });
});

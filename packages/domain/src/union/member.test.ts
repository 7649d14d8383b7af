import { describe, expect, it } from "vitest";
import { MemberInput } from "./member";

const VALID = {
  subdivisionId: "00000000-0000-4000-8000-000000000001",
  firstName: "Inès",
  lastName: "Roche",
  email: "ines.roche@exemple.fr",
  yearOfTraining: 2,
  membershipStatus: "active",
  membershipYear: 2026,
};

const yearErrors = (yearOfTraining: unknown) => {
  const result = MemberInput.safeParse({ ...VALID, yearOfTraining });
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("year of training", () => {
  it("asks for the year when none is given", () => {
    expect(yearErrors(undefined)).toEqual(["Indiquez l'année de DES (1 à 4)."]);
  });

  it("says the year is a number from 1 to 4 when it is not a number", () => {
    expect(yearErrors("deuxième")).toEqual(["L'année de formation est un nombre de 1 à 4."]);
  });

  it("refuses a year outside the four of the DES", () => {
    expect(yearErrors(5)).toEqual(["L'année de formation va de 1 à 4 (DES de médecine générale)."]);
  });

  it("accepts each of the four years", () => {
    for (const year of [1, 2, 3, 4]) expect(yearErrors(year)).toEqual([]);
  });
});

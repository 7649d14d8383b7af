import { mapMemberCsvHeader, parseYearOfTraining, validateMemberRows } from "@tribune/domain/union";
import { describe, expect, it } from "vitest";
import { referenceSubdivision, referenceSubdivisions } from "../../subdivisions";

const HEADER = ["Prénom", "Nom", "E-mail", "Subdivision", "Année", "Statut", "Année d'adhésion"];
const context = {
  subdivisions: referenceSubdivisions(),
  existingEmails: new Set(["deja.la@exemple.fr"]),
  currentYear: 2026,
};
const row = (line: number, cells: string[]) => ({ line, cells });

describe("mapMemberCsvHeader", () => {
  it("recognises French and English headers, accents and case ignored", () => {
    expect(mapMemberCsvHeader(HEADER)).toEqual({
      ok: true,
      columns: {
        firstName: 0,
        lastName: 1,
        email: 2,
        subdivision: 3,
        yearOfTraining: 4,
        membershipStatus: 5,
        membershipYear: 6,
      },
    });
    expect(mapMemberCsvHeader(["first name", "last name", "email", "subdivision", "year"]).ok).toBe(
      true,
    );
  });

  it("names the missing columns", () => {
    expect(mapMemberCsvHeader(["prénom", "email"])).toEqual({
      ok: false,
      message: expect.stringMatching(/^Colonnes manquantes : nom, subdivision, année\./),
    });
  });
});

describe("parseYearOfTraining", () => {
  it.each([
    ["1", 1],
    ["1re", 1],
    ["2e", 2],
    ["3ème", 3],
    ["DES 4", 4],
    ["5", null],
    ["deux", null],
    ["", null],
  ])("%s → %s", (input, expected) => {
    expect(parseYearOfTraining(input)).toBe(expected);
  });
});

describe("validateMemberRows", () => {
  it("keeps the good rows and explains each bad one with its line", () => {
    const rows = [
      row(2, ["Léa", "Martin", "lea.martin@exemple.fr", "Lille", "1", "à jour", "2026"]),
      row(3, ["Hugo", "Petit", "hugo@@exemple", "Lille", "2", "", ""]),
      row(4, ["Inès", "Roux", "ines.roux@exemple.fr", "Lyon", "1", "", ""]),
      row(5, ["Léa", "Martin", "LEA.MARTIN@exemple.fr", "Lille", "1", "", ""]),
      row(6, ["Paul", "Durand", "deja.la@exemple.fr", "Nancy", "3", "", ""]),
      row(7, ["", "Sans-Prénom", "sans@exemple.fr", "saint etienne", "6", "peut-être", "20xx"]),
      row(8, ["Chloé", "Blanc", "chloe.blanc@exemple.fr", "idf", "3e", "échue", "2025"]),
    ];
    const { valid, errors } = validateMemberRows(HEADER, rows, context);

    expect(valid.map((v) => v.line)).toEqual([2, 8]);
    expect(valid[1]?.member).toEqual({
      subdivisionId: referenceSubdivision("paris").id,
      firstName: "Chloé",
      lastName: "Blanc",
      email: "chloe.blanc@exemple.fr",
      yearOfTraining: 3,
      membershipStatus: "lapsed",
      membershipYear: 2025,
      synthetic: false,
    });
    expect(errors.map((e) => [e.line, e.code, e.field])).toEqual([
      [3, "bad_email", "email"],
      [4, "unknown_subdivision", "subdivision"],
      [5, "duplicate_in_file", "email"],
      [6, "duplicate_existing", "email"],
      [7, "missing_field", "firstName"],
      [7, "bad_year", "yearOfTraining"],
      [7, "bad_status", "membershipStatus"],
      [7, "bad_membership_year", "membershipYear"],
    ]);
    expect(errors.find((e) => e.line === 4)?.message).toBe("Subdivision inconnue : « Lyon ».");
    expect(errors.find((e) => e.line === 5)?.message).toBe(
      "Doublon : l'adresse lea.martin@exemple.fr figure déjà ligne 2.",
    );
  });

  it("refuses a representative's rows for another subdivision", () => {
    const { valid, errors } = validateMemberRows(
      HEADER,
      [
        row(2, ["Léa", "Martin", "lea@exemple.fr", "Toulouse", "1", "", ""]),
        row(3, ["Hugo", "Petit", "hugo@exemple.fr", "Lille", "1", "", ""]),
      ],
      { ...context, onlySubdivisionId: referenceSubdivision("toulouse").id },
    );
    expect(valid.map((v) => v.line)).toEqual([2]);
    expect(errors).toEqual([
      expect.objectContaining({ line: 3, code: "outside_subdivision", field: "subdivision" }),
    ]);
  });

  it("refuses the whole file on line 1 when a required column is missing", () => {
    const { valid, errors } = validateMemberRows(["nom", "email"], [row(2, ["a", "b"])], context);
    expect(valid).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ line: 1, code: "missing_field" })]);
  });
});

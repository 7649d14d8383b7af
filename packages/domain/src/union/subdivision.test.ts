import { describe, expect, it } from "vitest";
import { SubdivisionInput } from "./subdivision";

const messages = (input: unknown) => {
  const result = SubdivisionInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("SubdivisionInput", () => {
  it("needs only a name, and derives the slug from it", () => {
    expect(SubdivisionInput.parse({ name: " Montpellier-Nîmes " })).toEqual({
      name: "Montpellier-Nîmes",
      slug: "montpellier-nimes",
      unionName: "",
      university: "",
      contactEmail: "",
      declaredMembers: 0,
      aliases: [],
    });
  });

  it("keeps a slug the person typed", () => {
    expect(SubdivisionInput.parse({ name: "Antilles-Guyane", slug: "antilles" }).slug).toBe(
      "antilles",
    );
  });

  it("refuses a missing name, a malformed slug and a negative headcount, in French", () => {
    expect(messages({ name: "  " })).toContain("name: Le nom est obligatoire.");
    expect(messages({ name: "Lyon", slug: "Lyon Est" })).toEqual([
      "slug: L'identifiant s'écrit en minuscules sans accent, chiffres et tirets (saint-etienne).",
    ]);
    expect(messages({ name: "Lyon", declaredMembers: -1 })).toEqual([
      "declaredMembers: Le nombre d'adhérent·es ne peut être négatif.",
    ]);
    expect(messages({ name: "Lyon", declaredMembers: Number("beaucoup") })).toEqual([
      "declaredMembers: Le nombre d'adhérent·es est un nombre entier.",
    ]);
  });

  it("asks for a slug when the name has no letter or digit to make one", () => {
    expect(messages({ name: "—" })).toEqual([
      "slug: Donnez un identifiant (lettres et chiffres) : le nom n'en contient pas.",
    ]);
  });
});

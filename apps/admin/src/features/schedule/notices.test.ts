import { describe, expect, it } from "vitest";
import { savedNotice } from "./notices";

describe("savedNotice", () => {
  it("confirms a save without conflicts", () => {
    expect(savedNotice([])).toEqual({ tone: "ok", text: "Enregistré." });
  });

  it("warns with the count and every message when the save has conflicts", () => {
    expect(savedNotice([{ message: "A chevauche B." }])).toEqual({
      tone: "warning",
      text: "Enregistré, avec 1 conflit : A chevauche B.",
    });
    expect(savedNotice([{ message: "Un." }, { message: "Deux." }], "Session créée").text).toBe(
      "Session créée, avec 2 conflits : Un. Deux.",
    );
  });
});

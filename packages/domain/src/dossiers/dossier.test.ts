import { describe, expect, it } from "vitest";
import { figureRefs } from "../press-kit/rich-text";
import { DossierCreate, DossierUpdate, dossierTextProblem } from "./dossier";

describe("dossiers", () => {
  it("refuse, in French, a text the press kit could not print", () => {
    const known = new Set(["tt-moyenne", "tt-plus-80h"]);
    const check = (body: string[], figureIds: string[] = []) =>
      dossierTextProblem({ body, figureIds }, known);
    expect(check(["**{{tt-moyenne}}** heures"], ["tt-moyenne"])).toBeNull();
    expect(check(["**ouvert"])).toMatch(/n'est pas refermé/);
    expect(check(["{{tt-inconnu}}"])).toBe("Chiffre clé inconnu : {{tt-inconnu}}.");
    expect(check(["{{tt-moyenne}}"], ["tt-plus-80h"])).toMatch(
      /« tt-plus-80h » est mis en avant mais le texte ne le cite pas/,
    );
  });

  it("finds the figures a body quotes, in order, once each", () => {
    expect(
      figureRefs([
        "**{{a-1}}** puis {{b}}",
        { list: ["{{a-1}} encore", "{{c}}"] },
        { tags: ["SANS CHIFFRE"] },
      ]),
    ).toEqual(["a-1", "b", "c"]);
  });

  it("leaves the timeline alone when an update does not mention it", () => {
    const id = "00000000-0000-4000-8000-000000000001";
    expect(DossierUpdate.parse({ id, status: "closed" })).toEqual({ id, status: "closed" });
  });

  it("validates a new dossier with French messages", () => {
    const parsed = DossierCreate.safeParse({
      slug: "Pas Bon",
      title: "",
      pillar: "defendre",
      status: "gagné",
      summary: "",
      body: [],
      partners: [],
      figureIds: [],
      position: 0,
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain("Le titre est obligatoire.");
    expect(messages).toContain("Statut de dossier inconnu.");
  });
});

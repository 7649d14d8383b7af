import type { SectionOfKind } from "@tribune/domain/press-kit";
import {
  blocksToText,
  buildPressKitModel,
  moveSection,
  type PressKitDossier,
  type PressKitSectionState,
  sectionStates,
  textProblem,
  textToBlocks,
} from "@tribune/domain/press-kit";
import { describe, expect, it } from "vitest";
import { referenceProgramme2026 } from "../../fixtures";
import { pressKitEditorial2026 } from "../../pressKit2026";

const ref = referenceProgramme2026();
const editorial = pressKitEditorial2026();
const build = (extra: { sections?: PressKitSectionState[]; dossiers?: PressKitDossier[] }) =>
  buildPressKitModel({ ...ref, editorial, ...extra });

describe("the plain text of the admin", () => {
  it("reads paragraphs, bold, figures, lists and labels, and writes them back unchanged", () => {
    const text = [
      "Premier **paragraphe**,\nsur deux lignes, avec {{tt-moyenne}} heures.",
      "Une liste :\n- **un** élément\n- deux",
      "# SÉNAT\n# PARLEMENT",
    ].join("\n\n");
    const blocks = textToBlocks(text);
    expect(blocks).toEqual([
      "Premier **paragraphe**, sur deux lignes, avec {{tt-moyenne}} heures.",
      "Une liste :",
      { list: ["**un** élément", "deux"] },
      { tags: ["SÉNAT", "PARLEMENT"] },
    ]);
    expect(textToBlocks(blocksToText(blocks))).toEqual(blocks);
  });

  it("round-trips every text of the 2026 kit", () => {
    for (const pillar of editorial.pillars)
      for (const item of pillar.items)
        expect(textToBlocks(blocksToText(item.blocks))).toEqual(item.blocks);
    expect(textToBlocks(blocksToText(editorial.opening.blocks))).toEqual(editorial.opening.blocks);
  });

  it("says in French what cannot be printed", () => {
    const known = new Set(["tt-moyenne"]);
    expect(textProblem(textToBlocks("un **gras"), known)).toMatch(/gras n'est pas refermé/);
    expect(textProblem(textToBlocks("{{inconnu}}"), known)).toBe(
      "Chiffre clé inconnu : {{inconnu}}.",
    );
    expect(textProblem(textToBlocks("**{{tt-moyenne}}** heures"), known)).toBeNull();
  });
});

describe("stored sections in the model", () => {
  const states = sectionStates([], editorial);

  it("give an edition without stored sections the reference texts, all in draft", () => {
    expect(states).toHaveLength(11);
    expect(states.every((s) => s.status === "draft" && !s.stored)).toBe(true);
    const model = build({ sections: states });
    expect(model.sections.every((s) => s.status === "draft")).toBe(true);
    // The same kit under the watermark; the item without text shows, as « Texte à venir ».
    const allDraft = buildPressKitModel({
      ...ref,
      editorial: pressKitEditorial2026({
        statuses: Object.fromEntries(states.map((s) => [s.sectionId, "draft"])),
      }),
    });
    expect(model).toEqual(allDraft);
  });

  it("print an edited text, title and signature, with each section's own status", () => {
    const edited = states.map(
      (s): PressKitSectionState =>
        s.sectionId === "mot-presidente"
          ? {
              ...s,
              title: "Le mot de la Présidente",
              text: "Un nouveau **mot**.\n\n- premier point\n- second point",
              signature: { name: "Camille MARTIN", role: "PRÉSIDENTE" },
            }
          : { ...s, status: "validated" },
    );
    const model = build({ sections: edited });
    const word = model.sections.find(
      (s) => s.id === "mot-presidente",
    ) as SectionOfKind<"president">;
    expect(word).toMatchObject({ title: "Le mot de la Présidente", status: "draft" });
    expect(word.content.signature).toEqual({ name: "Camille MARTIN", role: "PRÉSIDENTE" });
    expect(word.content.blocks).toEqual([
      {
        type: "paragraph",
        runs: [
          { type: "text", text: "Un nouveau ", bold: false },
          { type: "text", text: "mot", bold: true },
          { type: "text", text: ".", bold: false },
        ],
      },
      {
        type: "list",
        items: [
          [{ type: "text", text: "premier point", bold: false }],
          [{ type: "text", text: "second point", bold: false }],
        ],
      },
    ]);
    expect(model.sections.filter((s) => s.status === "draft").map((s) => s.id)).toEqual([
      "mot-presidente",
    ]);
  });
});

describe("pillars from the dossiers", () => {
  const dossier = (over: Partial<PressKitDossier>): PressKitDossier => ({
    slug: "x",
    pillar: "defendre",
    position: 0,
    title: "X",
    body: ["Texte."],
    figureIds: [],
    ...over,
  });

  it("print each pillar's dossiers in their order, with the figures they set large", () => {
    const model = build({
      dossiers: [
        dossier({ slug: "second", title: "SECOND", position: 2 }),
        dossier({
          slug: "premier",
          title: "PREMIER",
          position: 1,
          body: ["**{{tt-moyenne}}** heures"],
          figureIds: ["tt-moyenne"],
        }),
        dossier({ slug: "info", pillar: "informer", title: "INFO" }),
      ],
    });
    const pillars = model.sections.filter((s) => s.kind === "pillar") as SectionOfKind<"pillar">[];
    expect(pillars.map((p) => p.content.items.map((i) => i.id))).toEqual([
      [],
      ["premier", "second"],
      ["info"],
    ]);
    expect(pillars[1]?.content.items[0]?.figureIds).toEqual(["tt-moyenne"]);
    const contents = model.sections.find((s) => s.kind === "contents") as SectionOfKind<"contents">;
    expect(contents.content.entries.map((e) => e.label)).toContain("PREMIER");
  });
});

describe("the order of the sections", () => {
  const states = sectionStates([], editorial);
  const apply = (moved: PressKitSectionState[]) =>
    states.map((s) => moved.find((m) => m.sectionId === s.sectionId) ?? s);

  it("prints the sections in their stored order, cover and contents first, contents following", () => {
    const up = moveSection(states, "contacts", "up");
    if (!up.ok) throw new Error(up.problem);
    const model = build({ sections: apply(up.moved) });
    expect(model.sections.map((s) => s.id).slice(-2)).toEqual(["contacts", "informer"]);
    const contents = model.sections[1] as SectionOfKind<"contents">;
    const top = contents.content.entries.filter((e) => e.level === 0).map((e) => e.targetId);
    expect(top.slice(-2)).toEqual(["contacts", "informer"]);
  });

  it("keeps the cover and the contents first, and says why a section cannot move", () => {
    expect(moveSection(states, "sommaire", "down")).toEqual({
      ok: false,
      problem: "« Sommaire » reste en tête du dossier de presse.",
    });
    expect(moveSection(states, "ouverture", "up")).toEqual({
      ok: false,
      problem: "« Texte d'ouverture » est déjà la première section.",
    });
    expect(moveSection(states, "contacts", "down")).toMatchObject({ ok: false });
    const down = moveSection(states, "ouverture", "down");
    expect(down.ok && down.moved.map((s) => [s.sectionId, s.position])).toEqual([
      ["ouverture", 3],
      ["temps-forts", 2],
    ]);
  });
});

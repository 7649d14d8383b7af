import { describe, expect, it } from "vitest";
import {
  decideSectionMove,
  decideSectionStatus,
  sectionAfterEdit,
  validationStamp,
} from "./decisions";
import { SECTION_IDS } from "./model";
import { isPlaceholderText, sectionPlaceholders } from "./placeholders";
import type { PressKitSectionState } from "./sections";

const state = (overrides: Partial<PressKitSectionState> = {}): PressKitSectionState => ({
  sectionId: "mot-presidente",
  position: 5,
  title: "Le mot de la Présidente",
  kicker: "L'ISNAR-IMG",
  text: "Un mot.",
  signature: { name: "ATIKA BOKHARI", role: "PRÉSIDENTE" },
  status: "validated",
  stored: true,
  updatedAt: null,
  updatedBy: null,
  validatedAt: "2026-01-05T09:30:00.000Z",
  validatedBy: "bureau@tribune.test",
  ...overrides,
});
const fieldsOf = ({ title, kicker, text, signature }: PressKitSectionState) => ({
  title,
  kicker,
  text,
  signature,
});
const NO_FIGURES = new Set<string>();

describe("sectionAfterEdit", () => {
  it("puts an edited section back in draft", () => {
    const decision = sectionAfterEdit(
      state(),
      { ...fieldsOf(state()), text: "Un mot **nouveau**." },
      NO_FIGURES,
    );
    expect(decision).toMatchObject({
      ok: true,
      changed: true,
      section: { text: "Un mot **nouveau**.", status: "draft" },
    });
  });

  it("keeps a validated section validated when saved unchanged, blanks and spaces aside", () => {
    const decision = sectionAfterEdit(
      state(),
      { ...fieldsOf(state()), text: "  Un mot.\n", kicker: "L'ISNAR-IMG" },
      NO_FIGURES,
    );
    expect(decision).toMatchObject({ ok: true, changed: false, section: { status: "validated" } });
  });

  it("drafts a section never stored, even saved as it reads", () => {
    const template = state({ stored: false, status: "draft" });
    expect(sectionAfterEdit(template, fieldsOf(template), NO_FIGURES)).toMatchObject({
      ok: true,
      changed: true,
    });
  });

  it("keeps only what a section prints: no signature unsigned, no text without free text, no blank kicker", () => {
    const planning = state({ sectionId: "planning", text: "", signature: null, kicker: null });
    const decision = sectionAfterEdit(
      planning,
      { title: "Planning", kicker: "  ", text: "ignoré", signature: { name: "X", role: "" } },
      NO_FIGURES,
    );
    expect(decision).toMatchObject({
      ok: true,
      section: { kicker: null, text: "", signature: null },
    });
  });

  it("refuses, on its field, a text the kit could not print", () => {
    expect(
      sectionAfterEdit(
        state({ sectionId: "ouverture" }),
        { ...fieldsOf(state()), text: "Avec {{chiffre-invente}} internes." },
        NO_FIGURES,
      ),
    ).toEqual({
      ok: false,
      refusal: {
        reason: "section_text_unprintable",
        code: "invalid",
        message: "Chiffre clé inconnu : {{chiffre-invente}}.",
        fieldErrors: { text: ["Chiffre clé inconnu : {{chiffre-invente}}."] },
      },
    });
  });
});

describe("decideSectionStatus", () => {
  it("validates a draft, and refuses to validate it twice", () => {
    expect(decideSectionStatus(state({ status: "draft" }), "validated")).toMatchObject({
      ok: true,
      section: { status: "validated" },
    });
    expect(decideSectionStatus(state(), "validated")).toEqual({
      ok: false,
      refusal: {
        reason: "section_status_unchanged",
        code: "invalid",
        message: "« Mot de la présidence » est déjà validée.",
      },
    });
    expect(decideSectionStatus(state({ status: "draft" }), "draft")).toMatchObject({
      refusal: { message: "« Mot de la présidence » est déjà en brouillon." },
    });
  });

  it("stores a template in draft when asked, though it reads as a draft already", () => {
    const template = state({ status: "draft", stored: false });
    expect(decideSectionStatus(template, "draft").ok).toBe(true);
  });

  it("refuses to validate a word whose text is empty or holding words", () => {
    for (const text of ["", "Texte à venir", "[À compléter]"]) {
      const draft = state({ status: "draft", text });
      const decision = decideSectionStatus(draft, "validated", sectionPlaceholders(draft, []));
      expect(decision, text).toEqual({
        ok: false,
        refusal: {
          reason: "section_has_placeholder",
          code: "invalid",
          message:
            "« Mot de la présidence » ne peut pas être validée : son texte est vide ou provisoire. Écrivez-le d'abord.",
        },
      });
    }
  });

  it("refuses to validate a pillar while one of its items has no text, naming it", () => {
    const informer = state({ sectionId: "informer", status: "draft", text: "Une accroche." });
    const items = [
      { pillar: "informer" as const, title: "LA REVUE L'ANTIDOTE", body: ["Créée en 2008…"] },
      { pillar: "informer" as const, title: "PRÉCIS À L'USAGE DES FUTUR·ES INTERNES", body: [] },
      { pillar: "defendre" as const, title: "AILLEURS", body: [] },
    ];
    const decision = decideSectionStatus(
      informer,
      "validated",
      sectionPlaceholders(informer, items),
    );
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.refusal.message).toBe(
      "« Pilier Informer » ne peut pas être validée : « PRÉCIS À L'USAGE DES FUTUR·ES INTERNES » n'a pas encore de texte (le PDF imprimerait « Texte à venir »). Écrivez-le dans Dossiers, ou retirez-le du pilier.",
    );
    // Returning it to draft is always possible.
    expect(decideSectionStatus({ ...informer, status: "validated" }, "draft").ok).toBe(true);
  });
});

describe("isPlaceholderText", () => {
  it("holds a place when empty or holding words only, not when a sentence mentions them", () => {
    for (const text of [
      "",
      "  ",
      "Texte à venir",
      "texte à venir.",
      "À compléter",
      "TODO",
      "Lorem ipsum dolor",
    ])
      expect(isPlaceholderText(text), text).toBe(true);
    for (const text of ["À venir : le congrès de Dijon réunira 600 internes.", "Un mot."])
      expect(isPlaceholderText(text), text).toBe(false);
  });
});

describe("decideSectionMove", () => {
  const sections = SECTION_IDS.map((sectionId, position) => state({ sectionId, position }));

  it("swaps a section with its neighbour", () => {
    const decision = decideSectionMove(sections, "planning", "up");
    expect(decision.ok && decision.moved.map((s) => [s.sectionId, s.position])).toEqual([
      ["planning", 3],
      ["temps-forts", 4],
    ]);
  });

  it("refuses to move the cover, or the last section further down, saying why", () => {
    expect(decideSectionMove(sections, "couverture", "down")).toEqual({
      ok: false,
      refusal: {
        reason: "section_fixed",
        code: "invalid",
        message: "« Couverture » reste en tête du dossier de presse.",
      },
    });
    expect(decideSectionMove(sections, "contacts", "down")).toMatchObject({
      refusal: {
        reason: "section_at_end",
        message: "« Contacts » est déjà la dernière section.",
      },
    });
  });
});

describe("validationStamp", () => {
  it("stamps a validation with who and when; a draft carries no stamp", () => {
    const at = new Date("2026-01-05T09:30:00Z");
    expect(validationStamp("validated", "bureau@tribune.test", at)).toEqual({
      validatedBy: "bureau@tribune.test",
      validatedAt: "2026-01-05T09:30:00.000Z",
    });
    expect(validationStamp("draft", "press@tribune.test", at)).toEqual({
      validatedBy: null,
      validatedAt: null,
    });
  });
});

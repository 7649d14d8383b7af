import { z } from "zod";
import type { Role } from "../auth/roles";
import { int, text } from "../kernel/input";
import { contactsToText, parseContactsText, textToTopics, topicsToText } from "./contacts";
import type { PressKitEditorial } from "./editorial";
import { SECTION_IDS, SectionId, SectionStatus } from "./model";
import { blocksToText, textProblem, textToBlocks } from "./rich-text";

/**
 * The stored sections of an edition's press kit: the editorial part people write (titles,
 * texts, signatures) and each section's status. The bureau validates a section; any edit of a
 * validated section puts it back in draft, so nothing unvalidated ever prints without the
 * BROUILLON watermark. Generated content (planning, highlights, pillars' dossiers, figures)
 * is not stored here: it is read live when the kit is built.
 */

/**
 * Who writes the press kit's texts: the press officers and the bureau (admin stands in). Not
 * the organisers: whoever edits a section must see the whole kit it prints in, and the kit
 * (figures included) is for press, bureau and admin only.
 */
export const PRESS_KIT_EDITORS: readonly Role[] = ["admin", "bureau", "press"];
/** Who validates a section (the national bureau; admin stands in). */
export const PRESS_KIT_VALIDATORS: readonly Role[] = ["admin", "bureau"];

/**
 * What the free text of a section is: the body of a word, a pillar's tagline, the flash
 * topics (one per line), the contacts page (see `parseContactsText`), or nothing.
 */
export type SectionTextKind = "blocks" | "line" | "topics" | "contacts";
export const SECTION_TEXT: Record<SectionId, SectionTextKind | null> = {
  couverture: null,
  sommaire: null,
  ouverture: "blocks",
  "temps-forts": "topics",
  planning: null,
  "mot-presidente": "blocks",
  "mot-bureau": "blocks",
  representer: "line",
  defendre: "line",
  informer: "line",
  contacts: "contacts",
};
/** Sections that carry a signature (name and role). */
export const SIGNED_SECTIONS: readonly SectionId[] = ["ouverture", "mot-presidente", "mot-bureau"];

export const SECTION_LABELS: Record<SectionId, string> = {
  couverture: "Couverture",
  sommaire: "Sommaire",
  ouverture: "Texte d'ouverture",
  "temps-forts": "Temps forts du programme",
  planning: "Planning",
  "mot-presidente": "Mot de la présidence",
  "mot-bureau": "Mot du Bureau National",
  representer: "Pilier Représenter",
  defendre: "Pilier Défendre",
  informer: "Pilier Informer",
  contacts: "Contacts",
};

export const SECTION_STATUS_LABELS: Record<SectionStatus, string> = {
  draft: "Brouillon",
  validated: "Validé",
};

const Title = text({ max: 200 }).min(1, { error: "Le titre est obligatoire." });

/** The editable part of a section. */
export const PressKitSectionFields = z.object({
  title: Title,
  /** The group printed above the title ("Le congrès 2026"); empty for none. */
  kicker: text({ max: 120 }).nullable(),
  /** Plain formatted text (see `textToBlocks`); "" for a section without free text. */
  text: text({ max: 20_000, multiline: true }),
  signature: z
    .object({
      name: text({ max: 200 }).min(1, {
        error: "Le nom du ou de la signataire est obligatoire.",
      }),
      role: text({ max: 200 }),
    })
    .nullable(),
});
export type PressKitSectionFields = z.infer<typeof PressKitSectionFields>;

export const PressKitSectionState = PressKitSectionFields.extend({
  sectionId: SectionId,
  position: z.int().nonnegative(),
  status: SectionStatus,
  /** False for a section never written for this edition: a template (an empty draft). */
  stored: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  validatedAt: z.string().nullable(),
  validatedBy: z.string().nullable(),
});
export type PressKitSectionState = z.infer<typeof PressKitSectionState>;

const Year = int({ min: 2000, max: 2100 });

/**
 * A section as the bureau last validated it, to show what changed since (the bureau validates
 * the press's edits). Null when it was never validated in the audit log's memory (a section
 * seeded as validated and never touched has no earlier version to compare with).
 */
export const ValidatedSectionVersion = PressKitSectionFields.extend({
  validatedAt: z.string().nullable(),
  validatedBy: z.string().nullable(),
}).nullable();
export type ValidatedSectionVersion = z.infer<typeof ValidatedSectionVersion>;

/** The validated state in an audit entry of a section: after a validation, or before an edit. */
export function validatedVersionIn(entry: {
  before: unknown;
  after: unknown;
}): ValidatedSectionVersion {
  for (const side of [entry.after, entry.before]) {
    const state = PressKitSectionState.partial().safeParse(side);
    if (state.success && state.data.status === "validated") {
      const fields = PressKitSectionFields.safeParse(side);
      if (fields.success)
        return {
          ...fields.data,
          validatedAt: state.data.validatedAt ?? null,
          validatedBy: state.data.validatedBy ?? null,
        };
    }
  }
  return null;
}

export const PressKitSectionEdit = PressKitSectionFields.extend({
  year: Year,
  sectionId: SectionId,
});
export type PressKitSectionEdit = z.infer<typeof PressKitSectionEdit>;

export const PressKitSectionRef = z.object({ year: Year, sectionId: SectionId });
export type PressKitSectionRef = z.infer<typeof PressKitSectionRef>;

export const PressKitSectionStatusChange = z.object({
  year: Year,
  sectionId: SectionId,
  status: SectionStatus,
});
export type PressKitSectionStatusChange = z.infer<typeof PressKitSectionStatusChange>;

/** Sections the kit may print in another order: all but the cover and the contents. */
export const MOVABLE_SECTIONS: readonly SectionId[] = SECTION_IDS.filter(
  (id) => id !== "couverture" && id !== "sommaire",
);

export const MoveDirection = z.enum(["up", "down"]);
export type MoveDirection = z.infer<typeof MoveDirection>;

export const PressKitSectionMove = z.object({
  year: Year,
  sectionId: SectionId,
  direction: MoveDirection,
});
export type PressKitSectionMove = z.infer<typeof PressKitSectionMove>;

/**
 * Moves a section one place up or down among the movable ones: the two sections swap
 * positions. Returns the sections whose position changed, or why it cannot move (in French).
 */
export function moveSection(
  sections: readonly PressKitSectionState[],
  sectionId: SectionId,
  direction: MoveDirection,
): { ok: true; moved: PressKitSectionState[] } | { ok: false; problem: string } {
  const label = SECTION_LABELS[sectionId];
  if (!MOVABLE_SECTIONS.includes(sectionId))
    return { ok: false, problem: `« ${label} » reste en tête du dossier de presse.` };
  const movable = [...sections]
    .filter((s) => MOVABLE_SECTIONS.includes(s.sectionId))
    .sort((a, b) => a.position - b.position);
  const index = movable.findIndex((s) => s.sectionId === sectionId);
  const other = movable[direction === "up" ? index - 1 : index + 1];
  const section = movable[index];
  if (!section || !other)
    return {
      ok: false,
      problem: `« ${label} » est déjà ${direction === "up" ? "la première" : "la dernière"} section.`,
    };
  return {
    ok: true,
    moved: [
      { ...section, position: other.position },
      { ...other, position: section.position },
    ],
  };
}

/** The editable fields of every section as a kit's editorial texts give them. */
export function sectionFieldsOf(
  editorial: PressKitEditorial,
): Record<SectionId, PressKitSectionFields> {
  const word = (w: PressKitEditorial["opening"]) => ({
    title: w.title,
    kicker: w.kicker,
    text: blocksToText(w.blocks),
    signature: w.signature,
  });
  const pillar = (id: SectionId) => {
    const p = editorial.pillars.find((x) => x.id === id);
    return { title: p?.title ?? id, kicker: null, text: p?.tagline ?? "", signature: null };
  };
  const plain = (title: string, kicker: string | null = null) => ({
    title,
    kicker,
    text: "",
    signature: null,
  });
  return {
    couverture: plain(editorial.documentTitle),
    sommaire: plain(editorial.contentsTitle),
    ouverture: word(editorial.opening),
    "temps-forts": {
      ...plain(editorial.highlights.title, editorial.highlights.kicker),
      text: topicsToText(editorial.highlights.flashTopics),
    },
    planning: plain(editorial.planning.title, editorial.planning.kicker),
    "mot-presidente": word(editorial.president),
    "mot-bureau": word(editorial.bureau),
    representer: pillar("representer"),
    defendre: pillar("defendre"),
    informer: pillar("informer"),
    contacts: { ...plain(editorial.contacts.title), text: contactsToText(editorial.contacts) },
  };
}

/**
 * Every section of an edition's kit, in print order: the stored ones as stored, the others
 * from the reference texts as drafts (an edition nobody has written a kit for yet).
 */
export function sectionStates(
  stored: readonly PressKitSectionState[],
  reference: PressKitEditorial,
): PressKitSectionState[] {
  const byId = new Map(stored.map((s) => [s.sectionId, s]));
  const defaults = sectionFieldsOf(reference);
  return SECTION_IDS.map(
    (sectionId, position): PressKitSectionState =>
      byId.get(sectionId) ?? {
        ...defaults[sectionId],
        sectionId,
        position,
        status: "draft",
        stored: false,
        updatedAt: null,
        updatedBy: null,
        validatedAt: null,
        validatedBy: null,
      },
  ).sort((a, b) => a.position - b.position);
}

/** The title each section of a new kit starts with (its text starts empty). */
export const SECTION_TEMPLATE_TITLES: Record<SectionId, string> = {
  ...SECTION_LABELS,
  couverture: "Dossier de presse",
  ouverture: "Ouverture",
};

/** What a section nobody wrote yet starts from: the edition's frame (`PressKitFrame`). */
export interface SectionTemplateFrame {
  headings: Record<SectionId, { title: string; kicker: string | null }>;
  flashTopics: readonly string[];
  contacts: Omit<PressKitEditorial["contacts"], "title">;
}

/** The text a template section starts with: the frame's flash topics, its contacts. */
function templateText(sectionId: SectionId, frame: SectionTemplateFrame): string {
  if (sectionId === "temps-forts") return topicsToText([...frame.flashTopics]);
  if (sectionId === "contacts") return contactsToText(frame.contacts);
  return "";
}

/**
 * Every section of an edition's kit, in print order: the stored ones as stored, the others as
 * templates (from the edition's frame when given: its headings, flash topics and contacts) — an empty draft under the section's title. Never another edition's texts: a new
 * edition's kit starts blank (or, created from a previous one, from that one's texts as drafts).
 */
export function sectionsWithTemplates(
  stored: readonly PressKitSectionState[],
  frame?: SectionTemplateFrame,
): PressKitSectionState[] {
  const byId = new Map(stored.map((s) => [s.sectionId, s]));
  return SECTION_IDS.map(
    (sectionId, position): PressKitSectionState =>
      byId.get(sectionId) ?? {
        sectionId,
        position,
        title: frame?.headings[sectionId].title ?? SECTION_TEMPLATE_TITLES[sectionId],
        kicker: frame?.headings[sectionId].kicker ?? null,
        text: frame ? templateText(sectionId, frame) : "",
        signature: null,
        status: "draft",
        stored: false,
        updatedAt: null,
        updatedBy: null,
        validatedAt: null,
        validatedBy: null,
      },
  ).sort((a, b) => a.position - b.position);
}

/** The editorial texts with the sections' titles, texts, signatures and statuses applied. */
export function applySections(
  editorial: PressKitEditorial,
  sections: readonly PressKitSectionState[],
): PressKitEditorial {
  const of = new Map(sections.map((s) => [s.sectionId, s]));
  const get = (id: SectionId) => of.get(id);
  const word = (id: SectionId, w: PressKitEditorial["opening"]): PressKitEditorial["opening"] => {
    const s = get(id);
    if (!s) return w;
    return {
      title: s.title,
      kicker: s.kicker,
      blocks: textToBlocks(s.text),
      signature: s.signature,
    };
  };
  const heading = <T extends { title: string; kicker: string | null }>(id: SectionId, h: T): T => {
    const s = get(id);
    return s ? { ...h, title: s.title, kicker: s.kicker } : h;
  };
  return {
    ...editorial,
    statuses: Object.fromEntries(sections.map((s) => [s.sectionId, s.status])),
    documentTitle: get("couverture")?.title ?? editorial.documentTitle,
    contentsTitle: get("sommaire")?.title ?? editorial.contentsTitle,
    opening: word("ouverture", editorial.opening),
    highlights: {
      ...heading("temps-forts", editorial.highlights),
      flashTopics: textToTopics(
        get("temps-forts")?.text ?? topicsToText(editorial.highlights.flashTopics),
      ),
    },
    planning: heading("planning", editorial.planning),
    president: word("mot-presidente", editorial.president),
    bureau: word("mot-bureau", editorial.bureau),
    pillars: editorial.pillars.map((p) => {
      const s = get(p.id);
      return s ? { ...p, title: s.title, tagline: s.text.trim() || null } : p;
    }),
    contacts: contactsOf(get("contacts"), editorial.contacts),
  };
}

function contactsOf(
  section: PressKitSectionState | undefined,
  reference: PressKitEditorial["contacts"],
): PressKitEditorial["contacts"] {
  // A template (a new edition's kit nobody wrote yet) prints no contact: never another
  // edition's people.
  if (section && !section.stored && !section.text.trim())
    return { title: section.title, people: [], websites: [], social: [] };
  // A kit stored before contacts were editable has no text there: the reference's, until the
  // seed fills it in at the next start.
  if (!section?.text.trim()) return { ...reference, title: section?.title ?? reference.title };
  const parsed = parseContactsText(section.text);
  // Refused when saved (`sectionTextProblem`): a stored text always parses.
  if (!parsed.ok) throw new Error(parsed.problem);
  return { title: section.title, ...parsed.contacts };
}

/**
 * Why a section's text cannot be printed, in French, or null: a tagline of more than one
 * line, an unclosed `**` or an unknown `{{figure}}`, contacts that do not read.
 */
export function sectionTextProblem(
  sectionId: SectionId,
  text: string,
  figureIds: ReadonlySet<string>,
): string | null {
  switch (SECTION_TEXT[sectionId]) {
    case "line":
      return text.includes("\n") ? "Cette section n'accepte qu'une ligne de texte." : null;
    case "blocks":
      return textProblem(textToBlocks(text), figureIds);
    case "contacts": {
      const parsed = parseContactsText(text);
      return parsed.ok ? null : parsed.problem;
    }
    default:
      return null;
  }
}

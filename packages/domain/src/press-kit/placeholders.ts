import type { EditorialBlock } from "./editorial";
import { PILLAR_IDS, type PillarId } from "./model";
import { type PressKitSectionState, SECTION_TEXT } from "./sections";

/** What the kit prints where an item of a pillar has no text yet. */
export const TEXT_TO_COME = "Texte à venir";

/** Words people type to hold a place: "Texte à venir", "À compléter", "TODO", "Lorem ipsum…". */
const HOLDING_WORDS =
  /^[[(«"\s]*(texte\s+)?(à|a)\s+(venir|compléter|completer|rédiger|rediger)|^[[(«"\s]*(todo|tbd|xxx+|lorem ipsum)\b/i;

/** Whether a text holds a place rather than says something: empty, or holding words only. */
export function isPlaceholderText(text: string): boolean {
  const trimmed = text.replace(/\s+/g, " ").trim();
  if (trimmed === "") return true;
  // A real text may mention "à venir"; holding words alone are short.
  return trimmed.length <= 40 && HOLDING_WORDS.test(trimmed);
}

/** The text of blocks, as one string. */
export const blocksText = (blocks: readonly EditorialBlock[]) =>
  blocks
    .map((b) => (typeof b === "string" ? b : "list" in b ? b.list : b.tags).toString())
    .join("\n");

/** An item of a pillar, as the dossiers give it. */
export interface PillarItemText {
  pillar: PillarId;
  title: string;
  body: readonly EditorialBlock[];
}

/**
 * What would print as a placeholder in a section: its own text when the section is a word
 * (opening, president's, bureau's) or the contacts and that text is empty or holding words; for
 * a pillar, each item without a text (printed « Texte à venir »). Empty means nothing.
 */
export interface SectionPlaceholders {
  /** The section's own text is empty or holding words. */
  emptyText: boolean;
  /** Titles of the pillar's items without a text. */
  itemsWithoutText: string[];
}

export function sectionPlaceholders(
  section: Pick<PressKitSectionState, "sectionId" | "text">,
  items: readonly PillarItemText[],
): SectionPlaceholders {
  const kind = SECTION_TEXT[section.sectionId];
  const emptyText = (kind === "blocks" || kind === "contacts") && isPlaceholderText(section.text);
  const pillar = (PILLAR_IDS as readonly string[]).includes(section.sectionId)
    ? (section.sectionId as PillarId)
    : null;
  const itemsWithoutText = pillar
    ? items
        .filter((item) => item.pillar === pillar && isPlaceholderText(blocksText(item.body)))
        .map((item) => item.title)
    : [];
  return { emptyText, itemsWithoutText };
}

import type { Decision, Refusal } from "../kernel/refusal";
import type { SectionId, SectionStatus } from "./model";
import type { SectionPlaceholders as Placeholders } from "./placeholders";
import {
  MOVABLE_SECTIONS,
  type MoveDirection,
  moveSection,
  type PressKitSectionFields,
  type PressKitSectionState,
  SECTION_LABELS,
  SECTION_TEXT,
  SIGNED_SECTIONS,
  sectionTextProblem,
} from "./sections";

/**
 * The rules of the press kit's sections, as pure decisions: what an edit, a validation or a
 * move makes of a section, or why it is refused (in French, with a stable reason).
 */

/** Every refusal of the press kit's sections, by stable reason, with its French wording. */
export const PRESS_KIT_REFUSALS = {
  /** The kit prints a section's text as is. */
  unprintableText: (problem: string): Refusal => ({
    reason: "section_text_unprintable",
    code: "invalid",
    message: problem,
    fieldErrors: { text: [problem] },
  }),
  statusUnchanged: (sectionId: SectionId, status: SectionStatus): Refusal => ({
    reason: "section_status_unchanged",
    code: "invalid",
    message: `« ${SECTION_LABELS[sectionId]} » est déjà ${status === "validated" ? "validée" : "en brouillon"}.`,
  }),
  /**
   * A validated section prints as it stands: not while a text is missing (the kit would print
   * an empty page or « Texte à venir » under a validation).
   */
  placeholder: (sectionId: SectionId, missing: Placeholders): Refusal => ({
    reason: "section_has_placeholder",
    code: "invalid",
    message: `« ${SECTION_LABELS[sectionId]} » ne peut pas être validée : ${
      missing.emptyText
        ? "son texte est vide ou provisoire. Écrivez-le d'abord."
        : `${missing.itemsWithoutText.map((t) => `« ${t} »`).join(", ")} ${
            missing.itemsWithoutText.length > 1 ? "n'ont" : "n'a"
          } pas encore de texte (le PDF imprimerait « Texte à venir »). Écrivez-le dans Dossiers, ou retirez-le du pilier.`
    }`,
  }),
  /** The cover and the contents open the kit; the first and the last go no further. */
  notMovable: (sectionId: SectionId, problem: string): Refusal => ({
    reason: MOVABLE_SECTIONS.includes(sectionId) ? "section_at_end" : "section_fixed",
    code: "invalid",
    message: problem,
  }),
} as const;

/**
 * What an edit makes of a section: its title, its text (trimmed; none for a section without
 * free text), its kicker (none when blank) and its signature (signed sections only). A change
 * puts the section back in draft, so nothing unvalidated prints without the watermark; the same
 * fields saved again keep its status. A text the kit could not print is refused, on its field;
 * `quotable` are the figures a text may quote.
 */
export function sectionAfterEdit(
  before: PressKitSectionState,
  edit: PressKitSectionFields,
  quotable: ReadonlySet<string>,
): Decision<{ section: PressKitSectionState; changed: boolean }> {
  const { sectionId } = before;
  const text = SECTION_TEXT[sectionId] === null ? "" : edit.text.trim();
  const problem = sectionTextProblem(sectionId, text, quotable);
  if (problem) return { ok: false, refusal: PRESS_KIT_REFUSALS.unprintableText(problem) };
  const fields: PressKitSectionFields = {
    title: edit.title,
    kicker: edit.kicker?.trim() || null,
    text,
    signature: SIGNED_SECTIONS.includes(sectionId) ? edit.signature : null,
  };
  const changed =
    !before.stored ||
    JSON.stringify(fields) !==
      JSON.stringify({
        title: before.title,
        kicker: before.kicker,
        text: before.text,
        signature: before.signature,
      });
  return {
    ok: true,
    changed,
    section: { ...before, ...fields, status: changed ? "draft" : before.status },
  };
}

const NONE: Placeholders = { emptyText: false, itemsWithoutText: [] };

/**
 * Validating a section, or returning it to draft: refused when it is so already (and stored),
 * and validating refused while it holds a placeholder (see `sectionPlaceholders`).
 */
export function decideSectionStatus(
  before: PressKitSectionState,
  status: SectionStatus,
  placeholders: Placeholders = NONE,
): Decision<{ section: PressKitSectionState }> {
  if (before.status === status && before.stored)
    return { ok: false, refusal: PRESS_KIT_REFUSALS.statusUnchanged(before.sectionId, status) };
  if (
    status === "validated" &&
    (placeholders.emptyText || placeholders.itemsWithoutText.length > 0)
  )
    return { ok: false, refusal: PRESS_KIT_REFUSALS.placeholder(before.sectionId, placeholders) };
  return { ok: true, section: { ...before, status } };
}

/**
 * Moving a section one place up or down among the movable ones (see `moveSection`): the
 * sections whose position changed, or why it cannot move.
 */
export function decideSectionMove(
  sections: readonly PressKitSectionState[],
  sectionId: SectionId,
  direction: MoveDirection,
): Decision<{ moved: PressKitSectionState[] }> {
  const move = moveSection(sections, sectionId, direction);
  return move.ok
    ? move
    : { ok: false, refusal: PRESS_KIT_REFUSALS.notMovable(sectionId, move.problem) };
}

/**
 * Who validated a section and when, as stored with a status: a validation is stamped with who
 * did it, a draft has no stamp.
 */
export function validationStamp(
  status: SectionStatus,
  by: string | null,
  at: Date,
): { validatedBy: string | null; validatedAt: string | null } {
  return status === "validated"
    ? { validatedBy: by, validatedAt: at.toISOString() }
    : { validatedBy: null, validatedAt: null };
}

import {
  savePressKitSection,
  setPressKitSectionPosition,
} from "@tribune/db/repos/press-kit-sections";
import { enforce } from "@tribune/domain/kernel";
import {
  decideSectionMove,
  type PressKitSectionMove,
  type PressKitSectionState,
} from "@tribune/domain/press-kit";
import type { Actor } from "../../context";
import { change, clockOf, type ServiceContext } from "../kit";
import { sectionEntityId, sectionsOf, writableEditionOf } from "./sections";

/**
 * Moves a section one place up or down in the printed kit (the cover and the contents stay
 * first; the contents follow the new order), audited. Texts and statuses are untouched.
 * Answers every section in the new order.
 */
export function moveSection(
  ctx: ServiceContext & { actor: Actor },
  { year, sectionId, direction }: PressKitSectionMove,
): Promise<PressKitSectionState[]> {
  return change(ctx, async (tx, effects) => {
    const edition = await writableEditionOf(tx, year);
    const before = await sectionsOf(tx, edition.id);
    const { moved } = enforce(decideSectionMove(before, sectionId, direction));
    for (const section of moved) {
      if (section.stored)
        await setPressKitSectionPosition(tx, edition.id, section.sectionId, section.position);
      // A section never stored (a template) is stored as it reads.
      else await savePressKitSection(tx, edition.id, section, ctx.actor.email, clockOf(ctx).now());
    }
    const after = await sectionsOf(tx, edition.id);
    await effects.audit({
      entity: "press_kit_section",
      entityId: sectionEntityId(year, sectionId),
      action: "move",
      before: { order: before.map((s) => s.sectionId) },
      after: { order: after.map((s) => s.sectionId) },
    });
    return after;
  });
}

import { savePressKitSection } from "@tribune/db/repos/press-kit-sections";
import { enforce } from "@tribune/domain/kernel";
import {
  type PressKitSectionEdit,
  type PressKitSectionState,
  sectionAfterEdit,
} from "@tribune/domain/press-kit";
import type { Actor } from "../../context";
import { change, clockOf, type ServiceContext } from "../kit";
import { quotableFigureIds } from "../quotable-figures";
import { sectionEntityId, sectionOf, writableEditionOf } from "./sections";

/**
 * Saves a section's title, text and signature, audited. A change puts a validated section
 * back in draft (`sectionAfterEdit`): only the bureau's validation takes it out again.
 */
export function updateSection(
  ctx: ServiceContext & { actor: Actor },
  { year, sectionId, ...fields }: PressKitSectionEdit,
): Promise<PressKitSectionState> {
  return change(ctx, async (tx, effects) => {
    const edition = await writableEditionOf(tx, year);
    const before = await sectionOf(tx, edition.id, sectionId);
    const { section } = enforce(
      sectionAfterEdit(before, fields, await quotableFigureIds(tx, edition.id)),
    );
    await savePressKitSection(tx, edition.id, section, ctx.actor.email, clockOf(ctx).now());
    const saved = await sectionOf(tx, edition.id, sectionId);
    await effects.audit({
      entity: "press_kit_section",
      entityId: sectionEntityId(year, sectionId),
      action: "update",
      before,
      after: saved,
    });
    return saved;
  });
}

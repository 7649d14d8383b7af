import {
  deleteManualFigure as deleteStored,
  lockManualFigure,
} from "@tribune/db/repos/press-kit-frames";
import type { ManualFigureRef } from "@tribune/domain/press-kit";
import type { Actor } from "../../context";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { manualFigureEntityId, writableEdition } from "./manual-figures";

/**
 * Deletes a manual figure, audited. A text that still quotes it prints the kit's marked
 * placeholder (« chiffre non publié »), never a stale value.
 */
export function deleteManualFigure(
  ctx: ServiceContext & { actor: Actor },
  { year, id }: ManualFigureRef,
): Promise<{ id: string }> {
  return change(ctx, async (tx, effects) => {
    const edition = await writableEdition(tx, year);
    const {
      updatedAt: _a,
      updatedBy: _b,
      ...before
    } = found(await lockManualFigure(tx, edition.id, id), "Chiffre cité");
    await deleteStored(tx, edition.id, id);
    await effects.audit({
      entity: "press_kit_section",
      entityId: manualFigureEntityId(year, id),
      action: "delete",
      before: { manualFigure: before },
    });
    effects.publish({ type: "programme.changed", editionId: edition.id });
    return { id };
  });
}

import { lockManualFigure, saveManualFigure } from "@tribune/db/repos/press-kit-frames";
import { enforce } from "@tribune/domain/kernel";
import {
  decideManualFigure,
  type ManualFigure,
  type ManualFigureInput,
} from "@tribune/domain/press-kit";
import type { Actor } from "../../context";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { manualFigureEntityId, todayOf, writableEdition } from "./manual-figures";

/** Edits a manual figure (its id stays), audited; the same rules as a new one. */
export function updateManualFigure(
  ctx: ServiceContext & { actor: Actor },
  { year, ...fields }: ManualFigureInput,
): Promise<ManualFigure> {
  return change(ctx, async (tx, effects) => {
    const edition = await writableEdition(tx, year);
    const before = found(await lockManualFigure(tx, edition.id, fields.id), "Chiffre cité");
    const { figure } = enforce(
      decideManualFigure(fields, { takenIds: new Set(), today: todayOf(ctx) }),
    );
    const saved = await saveManualFigure(tx, edition.id, figure, ctx.actor.email);
    const { updatedAt: _a, updatedBy: _b, ...was } = before;
    await effects.audit({
      entity: "press_kit_section",
      entityId: manualFigureEntityId(year, figure.id),
      action: "update",
      before: { manualFigure: was },
      after: { manualFigure: figure },
    });
    effects.publish({ type: "programme.changed", editionId: edition.id });
    return saved;
  });
}

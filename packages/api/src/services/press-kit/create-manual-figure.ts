import { saveManualFigure } from "@tribune/db/repos/press-kit-frames";
import { enforce } from "@tribune/domain/kernel";
import {
  decideManualFigure,
  type ManualFigure,
  type ManualFigureInput,
} from "@tribune/domain/press-kit";
import type { Actor } from "../../context";
import { change, type ServiceContext } from "../kit";
import { manualFigureEntityId, takenFigureIds, todayOf, writableEdition } from "./manual-figures";

/**
 * Adds a figure quoted from someone else's publication to an edition, audited: refused
 * without its provenance, with an id another figure has, or on an archived edition.
 */
export function createManualFigure(
  ctx: ServiceContext & { actor: Actor },
  { year, ...fields }: ManualFigureInput,
): Promise<ManualFigure> {
  return change(ctx, async (tx, effects) => {
    const edition = await writableEdition(tx, year);
    const { figure } = enforce(
      decideManualFigure(fields, {
        takenIds: await takenFigureIds(tx, edition.id),
        today: todayOf(ctx),
      }),
    );
    const saved = await saveManualFigure(tx, edition.id, figure, ctx.actor.email);
    await effects.audit({
      entity: "press_kit_section",
      entityId: manualFigureEntityId(year, figure.id),
      action: "create",
      after: { manualFigure: figure },
    });
    effects.publish({ type: "programme.changed", editionId: edition.id });
    return saved;
  });
}

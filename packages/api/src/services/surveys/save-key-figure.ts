import {
  deleteKeyFigure,
  findKeyFigure,
  nextKeyFigurePosition,
  upsertKeyFigure,
} from "@tribune/db/repos/surveys";
import { enforce } from "@tribune/domain/kernel";
import {
  type ComputedKeyFigure,
  decideKeyFigureSave,
  type KeyFigureSave,
} from "@tribune/domain/surveys";
import type { z } from "zod";
import { change, type ServiceContext } from "../kit";
import { surveyOf } from "./get";
import { computeKeyFigure } from "./key-figures";

/** Creates or replaces a key figure definition (`decideKeyFigureSave`), audited; computed. */
export function saveKeyFigure(
  ctx: ServiceContext,
  { definition, previousId }: z.output<typeof KeyFigureSave>,
): Promise<ComputedKeyFigure> {
  return change(ctx, async (tx, effects) => {
    const survey = await surveyOf(tx, definition.surveySlug);
    const previous = previousId ? await findKeyFigure(tx, previousId) : null;
    const idTaken =
      definition.id !== previousId && (await findKeyFigure(tx, definition.id)) !== null;
    const { replaces, position } = enforce(
      decideKeyFigureSave({ survey, definition, previousId, previous, idTaken }),
    );
    if (replaces) await deleteKeyFigure(tx, replaces);
    await upsertKeyFigure(
      tx,
      survey.id,
      definition,
      position ?? (await nextKeyFigurePosition(tx, survey.id)),
    );
    await effects.audit({
      entity: "survey",
      entityId: survey.id,
      action: previous ? "update" : "create",
      before: previous ? { keyFigure: previous.definition } : null,
      after: { keyFigure: definition },
    });
    return computeKeyFigure(tx, survey, definition);
  });
}

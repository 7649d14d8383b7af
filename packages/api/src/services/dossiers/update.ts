import { findDossier, updateDossier as writeDossier } from "@tribune/db/repos/dossiers";
import { type Dossier, type DossierUpdate, decideDossierText } from "@tribune/domain/dossiers";
import { enforce } from "@tribune/domain/kernel";
import type { z } from "zod";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { quotableFigureIds } from "../quotable-figures";
import { DOSSIER } from "./get";

/**
 * A partial change of a dossier, audited; `events`, when given, replaces the whole timeline.
 * The text as it will read must print in the press kit.
 */
export function updateDossier(
  ctx: ServiceContext,
  { id, ...patch }: z.output<typeof DossierUpdate>,
): Promise<Dossier> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findDossier(tx, id), DOSSIER);
    enforce(
      decideDossierText(
        { body: patch.body ?? before.body, figureIds: patch.figureIds ?? before.figureIds },
        await quotableFigureIds(tx),
      ),
    );
    const dossier = await writeDossier(tx, id, patch);
    await effects.audit({
      entity: "dossier",
      entityId: id,
      action: "update",
      before,
      after: dossier,
    });
    return dossier;
  });
}

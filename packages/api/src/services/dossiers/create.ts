import { insertDossier } from "@tribune/db/repos/dossiers";
import { type Dossier, type DossierCreate, decideDossierText } from "@tribune/domain/dossiers";
import { enforce } from "@tribune/domain/kernel";
import type { z } from "zod";
import { change, type ServiceContext } from "../kit";
import { quotableFigureIds } from "../quotable-figures";

/** Writes a new dossier with its timeline, audited; its text must print in the press kit. */
export function createDossier(
  ctx: ServiceContext,
  input: z.output<typeof DossierCreate>,
): Promise<Dossier> {
  return change(ctx, async (tx, effects) => {
    enforce(decideDossierText(input, await quotableFigureIds(tx)));
    const dossier = await insertDossier(tx, input);
    await effects.audit({
      entity: "dossier",
      entityId: dossier.id,
      action: "create",
      after: dossier,
    });
    return dossier;
  });
}

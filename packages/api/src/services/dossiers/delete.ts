import { deleteDossier as eraseDossier, findDossier } from "@tribune/db/repos/dossiers";
import type { DossierRef } from "@tribune/domain/dossiers";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { DOSSIER } from "./get";

/** Deletes a dossier, audited: its timeline goes with it, its motions stay, detached. */
export function deleteDossier(ctx: ServiceContext, { id }: DossierRef): Promise<DossierRef> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findDossier(tx, id), DOSSIER);
    await eraseDossier(tx, id);
    await effects.audit({ entity: "dossier", entityId: id, action: "delete", before });
    return { id };
  });
}

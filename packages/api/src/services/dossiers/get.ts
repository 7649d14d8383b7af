import { findDossier } from "@tribune/db/repos/dossiers";
import type { Dossier, DossierRef } from "@tribune/domain/dossiers";
import { found } from "../../found";
import type { ServiceContext } from "../kit";

/** How a missing dossier is named in "… introuvable." */
export const DOSSIER = "Dossier";

/** One dossier with its timeline and its motions. */
export async function getDossier(ctx: ServiceContext, { id }: DossierRef): Promise<Dossier> {
  return found(await findDossier(ctx.db, id), DOSSIER);
}

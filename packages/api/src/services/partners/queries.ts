import { findPartner, listPartners } from "@tribune/db/repos/people";
import { type CatalogRef, type Partner, PROGRAMME_LABELS } from "@tribune/domain/congress";
import { found } from "../../found";
import type { ServiceContext } from "../kit";

/** Every partner, by name. */
export const listAllPartners = (ctx: ServiceContext): Promise<Partner[]> => listPartners(ctx.db);

export async function getPartner(ctx: ServiceContext, { id }: CatalogRef): Promise<Partner> {
  return found(await findPartner(ctx.db, id), PROGRAMME_LABELS.partner);
}

import {
  countPartnerUses,
  findPartner,
  deletePartner as removePartner,
} from "@tribune/db/repos/people";
import {
  type CatalogDeleteInput,
  type CatalogDeleteResult,
  decidePartnerDeletion,
  PROGRAMME_LABELS,
} from "@tribune/domain/congress";
import { enforce } from "@tribune/domain/kernel";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";

/**
 * Deletes a partner, audited. One associated with sessions goes only once confirmed
 * (`decidePartnerDeletion`), and is taken out of them.
 */
export function deletePartner(
  ctx: ServiceContext,
  input: CatalogDeleteInput,
): Promise<CatalogDeleteResult> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findPartner(tx, input.id), PROGRAMME_LABELS.partner);
    const { detachedSessions } = enforce(
      decidePartnerDeletion(before, await countPartnerUses(tx, input.id), input.confirm),
    );
    await removePartner(tx, input.id);
    await effects.audit({ entity: "partner", entityId: input.id, action: "delete", before });
    return { id: input.id, detachedSessions };
  });
}

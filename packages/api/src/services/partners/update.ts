import { findPartner, updatePartner as writePartner } from "@tribune/db/repos/people";
import { type Partner, type PartnerUpdate, PROGRAMME_LABELS } from "@tribune/domain/congress";
import type { z } from "zod";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";

/** A partial change of a partner, audited. */
export function updatePartner(
  ctx: ServiceContext,
  { id, ...patch }: z.output<typeof PartnerUpdate>,
): Promise<Partner> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findPartner(tx, id), PROGRAMME_LABELS.partner);
    const partner = await writePartner(tx, id, patch);
    await effects.audit({
      entity: "partner",
      entityId: id,
      action: "update",
      before,
      after: partner,
    });
    return partner;
  });
}

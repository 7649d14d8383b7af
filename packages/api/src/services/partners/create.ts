import { insertPartner } from "@tribune/db/repos/people";
import type { Partner, PartnerInput } from "@tribune/domain/congress";
import { change, type ServiceContext } from "../kit";

/** Adds a partner to the catalogue, audited. */
export function createPartner(ctx: ServiceContext, input: PartnerInput): Promise<Partner> {
  return change(ctx, async (tx, effects) => {
    const partner = await insertPartner(tx, input);
    await effects.audit({
      entity: "partner",
      entityId: partner.id,
      action: "create",
      after: partner,
    });
    return partner;
  });
}

import { findEdition, listEditionPartnerIds, setEditionPartners } from "@tribune/db/repos/editions";
import { listPartners } from "@tribune/db/repos/people";
import { decidePartners, type Partner } from "@tribune/domain/congress";
import { enforce } from "@tribune/domain/kernel";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { assertEditionWritable } from "./writable";

/** The partners of an edition, in its order (partners are a shared catalogue; see schema). */
export async function editionPartners(
  ctx: Pick<ServiceContext, "db">,
  editionId: string,
): Promise<Partner[]> {
  found(await findEdition(ctx.db, editionId), "Édition");
  const ids = await listEditionPartnerIds(ctx.db, editionId);
  const byId = new Map((await listPartners(ctx.db)).map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Says which partners of the catalogue support the edition, in this order; audited. */
export function setPartnersOfEdition(
  ctx: ServiceContext,
  { editionId, partnerIds }: { editionId: string; partnerIds: string[] },
): Promise<Partner[]> {
  return change(ctx, async (tx, effects) => {
    await assertEditionWritable(tx, editionId);
    const known = new Map((await listPartners(tx)).map((p) => [p.id, p]));
    const { partnerIds: unique } = enforce(decidePartners(new Set(known.keys()), partnerIds));
    const before = await listEditionPartnerIds(tx, editionId);
    await setEditionPartners(tx, editionId, unique);
    await effects.audit({
      entity: "edition",
      entityId: editionId,
      action: "update",
      before: { partnerIds: before },
      after: { partnerIds: unique },
    });
    effects.publish({ type: "programme.changed", editionId });
    return unique.map((id) => known.get(id) as Partner);
  });
}

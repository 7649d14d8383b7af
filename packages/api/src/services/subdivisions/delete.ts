import {
  countSubdivisionUses,
  findSubdivision,
  deleteSubdivision as removeSubdivision,
} from "@tribune/db/repos/subdivisions";
import { enforce } from "@tribune/domain/kernel";
import {
  decideSubdivisionDeletion,
  type SubdivisionRef,
  UNION_LABELS,
} from "@tribune/domain/union";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";

/**
 * Removes a subdivision recorded by mistake, audited. One with a history keeps it: refused
 * (`decideSubdivisionDeletion`), not cascaded.
 */
export function deleteSubdivision(
  ctx: ServiceContext,
  { id }: SubdivisionRef,
): Promise<SubdivisionRef> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findSubdivision(tx, id), UNION_LABELS.subdivision);
    enforce(decideSubdivisionDeletion(before, await countSubdivisionUses(tx, id)));
    await removeSubdivision(tx, id);
    await effects.audit({ entity: "subdivision", entityId: id, action: "delete", before });
    return { id };
  });
}

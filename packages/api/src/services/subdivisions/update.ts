import {
  findSubdivision,
  updateSubdivision as writeSubdivision,
} from "@tribune/db/repos/subdivisions";
import { enforce } from "@tribune/domain/kernel";
import {
  type Subdivision,
  type SubdivisionUpdate,
  subdivisionAccess,
  UNION_LABELS,
} from "@tribune/domain/union";
import type { Actor } from "../../context";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";

/** A subdivision's details, changed by the organisers or its own representatives, audited. */
export function updateSubdivision(
  ctx: ServiceContext & { actor: Actor },
  input: SubdivisionUpdate,
): Promise<Subdivision> {
  enforce(subdivisionAccess(ctx.actor, input.id));
  return change(ctx, async (tx, effects) => {
    const before = found(await findSubdivision(tx, input.id), UNION_LABELS.subdivision);
    const after = await writeSubdivision(tx, input);
    await effects.audit({
      entity: "subdivision",
      entityId: input.id,
      action: "update",
      before,
      after,
    });
    return after;
  });
}

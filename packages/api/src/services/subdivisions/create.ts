import { insertSubdivision, listSubdivisions } from "@tribune/db/repos/subdivisions";
import { enforce } from "@tribune/domain/kernel";
import {
  decideSubdivisionCreation,
  type NewSubdivision,
  type Subdivision,
} from "@tribune/domain/union";
import { change, type ServiceContext } from "../kit";

/**
 * Admits a subdivision to the federation, audited: it is on the public registration form at
 * once. A name or slug another subdivision answers to is refused (`decideSubdivisionCreation`).
 */
export function createSubdivision(
  ctx: ServiceContext,
  input: NewSubdivision,
): Promise<Subdivision> {
  return change(ctx, async (tx, effects) => {
    enforce(decideSubdivisionCreation(input, await listSubdivisions(tx)));
    const created = await insertSubdivision(tx, input);
    await effects.audit({
      entity: "subdivision",
      entityId: created.id,
      action: "create",
      after: created,
    });
    return created;
  });
}

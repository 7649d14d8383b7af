import {
  listEditions,
  listSessions,
  lockEdition,
  setEditionCapacity,
  updateEdition,
} from "@tribune/db";
import {
  decideEditionUpdate,
  type EditionUpdate,
  type EditionWithBudget,
  enforce,
} from "@tribune/domain";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { giveFreedPlaces } from "../registrations/places";
import { withoutBudget } from "./create";

/**
 * Changes an edition's fields (any of them) until it is archived. The merged dates must hold
 * together, and new days must still hold every session; a larger capacity gives the people
 * waiting their places, in the same transaction.
 */
export function updateEditionFields(
  ctx: ServiceContext,
  { id, capacity, ...patch }: EditionUpdate,
): Promise<EditionWithBudget> {
  return change(ctx, async (tx, effects) => {
    const before = found(await lockEdition(tx, id), "Édition");
    enforce(
      decideEditionUpdate(before, patch, {
        editions: await listEditions(tx),
        sessions: await listSessions(tx, id),
      }),
    );
    const edition = Object.keys(patch).length > 0 ? await updateEdition(tx, id, patch) : before;
    let capacityChange: { before: number | null; after: number | null } | null = null;
    if (capacity !== undefined) {
      const result = await setEditionCapacity(tx, id, capacity);
      // A larger capacity: the people waiting get the new places, in this transaction.
      const promoted = await giveFreedPlaces(tx, id, capacity);
      capacityChange = { before: result.before, after: capacity };
      if (promoted.length > 0)
        effects.publish({
          type: "registrations.changed",
          editionId: id,
          subdivisionIds: promoted.map((p) => p.subdivisionId),
        });
    }
    await effects.audit({
      entity: "edition",
      entityId: id,
      action: "update",
      before: { ...withoutBudget(before), capacity: capacityChange?.before },
      after: {
        ...withoutBudget(edition),
        capacity: capacityChange?.after,
        ...(patch.budgetEuros !== undefined && { budgetChanged: true }),
      },
    });
    // The public programme shows the edition's days, venue and theme.
    effects.publish({ type: "programme.changed", editionId: id });
    return edition;
  });
}

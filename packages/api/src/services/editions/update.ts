import { listEditions, lockEdition, updateEdition } from "@tribune/db/repos/editions";
import { listSessions } from "@tribune/db/repos/sessions";
import {
  decideEditionUpdate,
  type EditionUpdate,
  type EditionWithBudget,
} from "@tribune/domain/congress";
import { enforce } from "@tribune/domain/kernel";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { setCapacityIn } from "../registrations/set-capacity";
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
    let capacityChange: { before: number | null; after: number | null; promoted: string[] } | null =
      null;
    if (capacity !== undefined) {
      // A larger capacity: the people waiting get the new places and their message, in this
      // transaction.
      const { before, promoted } = await setCapacityIn(ctx, tx, effects, id, capacity);
      capacityChange = { before, after: capacity, promoted: promoted.map((p) => p.id) };
    }
    await effects.audit({
      entity: "edition",
      entityId: id,
      action: "update",
      before: { ...withoutBudget(before), capacity: capacityChange?.before },
      after: {
        ...withoutBudget(edition),
        capacity: capacityChange?.after,
        promoted: capacityChange?.promoted,
        ...(patch.budgetEuros !== undefined && { budgetChanged: true }),
      },
    });
    // The public programme shows the edition's days, venue and theme.
    effects.publish({ type: "programme.changed", editionId: id });
    return edition;
  });
}

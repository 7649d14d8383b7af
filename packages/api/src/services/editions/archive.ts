import { lockEdition, setEditionArchivedAt } from "@tribune/db/repos/editions";
import { decideArchive, type EditionWithBudget } from "@tribune/domain/congress";
import { enforce } from "@tribune/domain/kernel";
import { found } from "../../found";
import { change, clockOf, type ServiceContext } from "../kit";
import { withoutBudget } from "./create";

/**
 * Archives an edition that is over: from then on it is read-only everywhere (its programme,
 * rooms, registrations, sign-ups, capacities and press kit still read, never change).
 */
export function archiveEdition(ctx: ServiceContext, id: string): Promise<EditionWithBudget> {
  return change(ctx, async (tx, effects) => {
    const before = found(await lockEdition(tx, id), "Édition");
    const now = clockOf(ctx).now();
    enforce(decideArchive(before, now));
    const edition = await setEditionArchivedAt(tx, id, now.toISOString());
    await effects.audit({
      entity: "edition",
      entityId: id,
      action: "archive",
      before: withoutBudget(before),
      after: withoutBudget(edition),
    });
    effects.publish({ type: "programme.changed", editionId: id });
    return edition;
  });
}

import { confirmedCount, type Executor, promoteWaitlisted } from "@tribune/db";
import { placesLeft, type Registration } from "@tribune/domain";

/**
 * Gives the edition's free places (the domain's `placesLeft`) to the first people waiting, in
 * arrival order. Call with the edition's quota lock held.
 */
export async function giveFreedPlaces(
  tx: Executor,
  editionId: string,
  capacity: number | null,
): Promise<Registration[]> {
  return promoteWaitlisted(
    tx,
    editionId,
    placesLeft(await confirmedCount(tx, editionId), capacity),
  );
}

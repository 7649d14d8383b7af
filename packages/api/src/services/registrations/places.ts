import type { Executor } from "@tribune/db";
import { confirmedCount, promoteWaitlisted } from "@tribune/db/repos/registrations";
import { placesLeft, type Registration } from "@tribune/domain/union";

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

import { countRoomUses, findRoom, deleteRoom as removeRoom } from "@tribune/db/repos/rooms";
import {
  type CatalogDeleteInput,
  type CatalogDeleteResult,
  decideRoomDeletion,
  PROGRAMME_LABELS,
} from "@tribune/domain/congress";
import { enforce } from "@tribune/domain/kernel";
import { found } from "../../found";
import { assertEditionWritable } from "../editions/writable";
import { change, type ServiceContext } from "../kit";

/**
 * Deletes a room of an edition that is not archived, audited. One that sessions use goes only
 * once confirmed (`decideRoomDeletion`), and is taken out of them.
 */
export function deleteRoom(
  ctx: ServiceContext,
  input: CatalogDeleteInput,
): Promise<CatalogDeleteResult> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findRoom(tx, input.id), PROGRAMME_LABELS.room);
    await assertEditionWritable(tx, before.editionId);
    const { detachedSessions } = enforce(
      decideRoomDeletion(before, await countRoomUses(tx, input.id), input.confirm),
    );
    await removeRoom(tx, input.id);
    await effects.audit({ entity: "room", entityId: input.id, action: "delete", before });
    effects.publish({ type: "programme.changed", editionId: before.editionId });
    return { id: input.id, detachedSessions };
  });
}

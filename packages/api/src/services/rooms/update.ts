import { findRoom, updateRoom as writeRoom } from "@tribune/db/repos/rooms";
import { listSessions } from "@tribune/db/repos/sessions";
import { PROGRAMME_LABELS, type Room, type RoomUpdate } from "@tribune/domain/congress";
import { found } from "../../found";
import { assertEditionWritable } from "../editions/writable";
import { change, type ServiceContext } from "../kit";
import { fillPlaces } from "../signups/fill-places";

/**
 * A partial change of a room of an edition that is not archived, audited. A larger capacity
 * gives the waiting people of the workshops that inherit it their places.
 */
export function updateRoom(ctx: ServiceContext, { id, ...patch }: RoomUpdate): Promise<Room> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findRoom(tx, id), PROGRAMME_LABELS.room);
    await assertEditionWritable(tx, before.editionId);
    const room = await writeRoom(tx, id, patch);
    await effects.audit({ entity: "room", entityId: id, action: "update", before, after: room });
    // Its workshops inherit its capacity: more places go to the people waiting, in order.
    if (patch.capacity !== undefined)
      for (const session of await listSessions(tx, room.editionId))
        if (session.roomIds.includes(id)) await fillPlaces(ctx, tx, effects, session.id);
    // The grids show room names: readers of the programme reload it.
    effects.publish({ type: "programme.changed", editionId: room.editionId });
    return room;
  });
}

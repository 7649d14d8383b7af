import { insertRoom } from "@tribune/db/repos/rooms";
import type { Room, RoomInput } from "@tribune/domain/congress";
import { assertEditionWritable } from "../editions/writable";
import { change, type ServiceContext } from "../kit";

/** Adds a room to an edition that is not archived, audited; programme readers reload. */
export function createRoom(ctx: ServiceContext, input: RoomInput): Promise<Room> {
  return change(ctx, async (tx, effects) => {
    await assertEditionWritable(tx, input.editionId);
    const room = await insertRoom(tx, input);
    await effects.audit({ entity: "room", entityId: room.id, action: "create", after: room });
    effects.publish({ type: "programme.changed", editionId: room.editionId });
    return room;
  });
}

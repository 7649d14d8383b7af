import type { Room, RoomInput } from "@tribune/domain/congress";
import { asc, count, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { rooms, sessionRooms } from "../schema";

export const listRooms = (db: Executor, editionId: string): Promise<Room[]> =>
  db
    .select()
    .from(rooms)
    .where(eq(rooms.editionId, editionId))
    .orderBy(asc(rooms.order), asc(rooms.name));

export async function findRoom(db: Executor, id: string): Promise<Room | null> {
  const [row] = await db.select().from(rooms).where(eq(rooms.id, id));
  return row ?? null;
}

export async function insertRoom(db: Executor, input: RoomInput & { id?: string }): Promise<Room> {
  const [row] = await db.insert(rooms).values(input).returning();
  return row as Room;
}

export async function updateRoom(
  db: Executor,
  id: string,
  patch: Partial<RoomInput>,
): Promise<Room> {
  const [row] = await db.update(rooms).set(patch).where(eq(rooms.id, id)).returning();
  return row as Room;
}

/** How many sessions take place in the room. */
export async function countRoomUses(db: Executor, id: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sessionRooms)
    .where(eq(sessionRooms.roomId, id));
  return row?.n ?? 0;
}

/** Deletes the room, first taking it out of every session that used it. */
export async function deleteRoom(db: Executor, id: string): Promise<void> {
  await db.delete(sessionRooms).where(eq(sessionRooms.roomId, id));
  await db.delete(rooms).where(eq(rooms.id, id));
}

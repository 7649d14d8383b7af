import { listRooms } from "@tribune/db/repos/rooms";
import type { Room } from "@tribune/domain/congress";
import type { ProgrammeQuery } from "@tribune/domain/schedule";
import type { ServiceContext } from "../kit";

/** An edition's rooms, in their order (the public programme names them). */
export const listEditionRooms = (
  ctx: ServiceContext,
  { editionId }: ProgrammeQuery,
): Promise<Room[]> => listRooms(ctx.db, editionId);

import { listRooms } from "@tribune/db";
import type { ProgrammeQuery, Room } from "@tribune/domain";
import type { ServiceContext } from "../kit";

/** An edition's rooms, in their order (the public programme names them). */
export const listEditionRooms = (
  ctx: ServiceContext,
  { editionId }: ProgrammeQuery,
): Promise<Room[]> => listRooms(ctx.db, editionId);

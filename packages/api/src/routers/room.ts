import { PROGRAMME_EDITORS } from "@tribune/domain/auth";
import {
  CatalogDeleteInput,
  CatalogDeleteResult,
  Room,
  RoomInput,
  RoomUpdate,
} from "@tribune/domain/congress";
import { ProgrammeQuery } from "@tribune/domain/schedule";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { createRoom } from "../services/rooms/create";
import { deleteRoom } from "../services/rooms/delete";
import { listEditionRooms } from "../services/rooms/queries";
import { updateRoom } from "../services/rooms/update";
import { procedureFor, publicProcedure } from "../trpc";

const editor = procedureFor(...PROGRAMME_EDITORS);

export const roomRouter = {
  /** Room names appear on the public programme, so the list is public. */
  list: publicProcedure
    .input(ProgrammeQuery)
    .output(z.array(Room))
    .query(({ ctx, input }) => listEditionRooms(ctx, input)),

  /** An archived edition's rooms are read-only. */
  create: editor
    .input(RoomInput)
    .output(Room)
    .mutation(({ ctx, input }) => createRoom(ctx, input)),

  update: editor
    .input(RoomUpdate)
    .output(Room)
    .mutation(({ ctx, input }) => updateRoom(ctx, input)),

  /** A room sessions use goes once confirmed, taken out of them. */
  delete: editor
    .input(CatalogDeleteInput)
    .output(CatalogDeleteResult)
    .mutation(({ ctx, input }) => deleteRoom(ctx, input)),
} satisfies TRPCRouterRecord;

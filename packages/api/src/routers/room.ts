import {
  countRoomUses,
  deleteRoom,
  findRoom,
  insertRoom,
  listRooms,
  recordAudit,
  updateRoom,
} from "@tribune/db";
import { DomainError, PROGRAMME_EDITORS, Room, RoomInput, RoomUpdate } from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import { DeleteInput, DeleteResult } from "../catalog";
import { found } from "../found";
import { publishProgrammeChange } from "../live";
import { assertEditionWritable } from "../services/editions/writable";
import { procedureFor, publicProcedure } from "../trpc";

const editor = procedureFor(...PROGRAMME_EDITORS);

export const roomRouter = {
  /** Room names appear on the public programme, so the list is public. */
  list: publicProcedure
    .input(z.object({ editionId: z.uuid() }))
    .output(z.array(Room))
    .query(({ ctx, input }) => listRooms(ctx.db, input.editionId)),

  create: editor
    .input(RoomInput)
    .output(Room)
    .mutation(async ({ ctx, input }) => {
      const created = await ctx.db.transaction(async (tx) => {
        await assertEditionWritable(tx, input.editionId);
        const room = await insertRoom(tx, input);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "room",
          entityId: room.id,
          action: "create",
          after: room,
        });
        return room;
      });
      publishProgrammeChange(ctx, created.editionId);
      return created;
    }),

  update: editor
    .input(RoomUpdate)
    .output(Room)
    .mutation(async ({ ctx, input: { id, ...patch } }) => {
      const updated = await ctx.db.transaction(async (tx) => {
        const before = found(await findRoom(tx, id), "Salle");
        await assertEditionWritable(tx, before.editionId);
        const room = await updateRoom(tx, id, patch);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "room",
          entityId: id,
          action: "update",
          before,
          after: room,
        });
        return room;
      });
      // The grids show room names: readers of the programme reload it.
      publishProgrammeChange(ctx, updated.editionId);
      return updated;
    }),

  delete: editor
    .input(DeleteInput)
    .output(DeleteResult)
    .mutation(async ({ ctx, input }) => {
      const deleted = await ctx.db.transaction(async (tx) => {
        const before = found(await findRoom(tx, input.id), "Salle");
        await assertEditionWritable(tx, before.editionId);
        const uses = await countRoomUses(tx, input.id);
        if (uses > 0 && !input.confirm) {
          throw new DomainError(
            "referenced",
            `La salle « ${before.name} » accueille ${uses} session(s). Confirmez pour la supprimer et la retirer de ces sessions.`,
            { uses },
          );
        }
        await deleteRoom(tx, input.id);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "room",
          entityId: input.id,
          action: "delete",
          before,
        });
        return { editionId: before.editionId, detachedSessions: uses };
      });
      publishProgrammeChange(ctx, deleted.editionId);
      return { id: input.id, detachedSessions: deleted.detachedSessions };
    }),
} satisfies TRPCRouterRecord;

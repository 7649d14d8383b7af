import {
  countMembersByYear,
  findSubdivision,
  listRepresentatives,
  listSubdivisionOptions,
  listSubdivisionSummaries,
  recordAudit,
  updateSubdivision,
} from "@tribune/db";
import {
  MEMBER_MANAGERS,
  SUBDIVISION_READERS,
  Subdivision,
  SubdivisionDetail,
  SubdivisionOption,
  SubdivisionSummary,
  SubdivisionUpdate,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import { found } from "../found";
import { assertMaySee } from "../scope";
import { procedureFor, publicProcedure } from "../trpc";

export const subdivisionRouter = {
  /** Names only, for the public registration form. */
  options: publicProcedure
    .output(z.array(SubdivisionOption))
    .query(({ ctx }) => listSubdivisionOptions(ctx.db)),

  /** Every subdivision with its counts (aggregates only, no person named). */
  list: procedureFor(...SUBDIVISION_READERS)
    .output(z.array(SubdivisionSummary))
    .query(({ ctx }) => listSubdivisionSummaries(ctx.db)),

  /** One subdivision with its representatives; a representative sees their own only. */
  get: procedureFor(...MEMBER_MANAGERS)
    .input(z.object({ id: z.uuid() }))
    .output(SubdivisionDetail)
    .query(async ({ ctx, input }) => {
      assertMaySee(ctx.actor, input.id);
      const summary = (await listSubdivisionSummaries(ctx.db)).find((s) => s.id === input.id);
      const subdivision = found(summary, "Subdivision");
      return {
        ...subdivision,
        representativeList: await listRepresentatives(ctx.db, input.id),
        membersByYear: await countMembersByYear(ctx.db, input.id),
      };
    }),

  update: procedureFor(...MEMBER_MANAGERS)
    .input(SubdivisionUpdate)
    .output(Subdivision)
    .mutation(({ ctx, input }) => {
      assertMaySee(ctx.actor, input.id);
      return ctx.db.transaction(async (tx) => {
        const before = found(await findSubdivision(tx, input.id), "Subdivision");
        const after = await updateSubdivision(tx, input);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "subdivision",
          entityId: input.id,
          action: "update",
          before,
          after,
        });
        return after;
      });
    }),
} satisfies TRPCRouterRecord;

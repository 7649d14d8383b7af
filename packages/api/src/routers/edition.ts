import { findEdition, findEditionByYear, listEditions } from "@tribune/db";
import { Edition, EditionYear } from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { found } from "../found";
import { publicProcedure } from "../trpc";

export const editionRouter = {
  list: publicProcedure.output(z.array(Edition)).query(({ ctx }) => listEditions(ctx.db)),

  get: publicProcedure
    .input(z.object({ id: z.uuid() }))
    .output(Edition)
    .query(async ({ ctx, input }) => found(await findEdition(ctx.db, input.id), "Édition")),

  byYear: publicProcedure
    .input(EditionYear)
    .output(Edition)
    .query(async ({ ctx, input }) =>
      found(await findEditionByYear(ctx.db, input.year), `L'édition ${input.year}`),
    ),
} satisfies TRPCRouterRecord;

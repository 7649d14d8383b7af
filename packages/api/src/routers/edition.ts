import { findEdition, findEditionByYear, listEditions } from "@tribune/db";
import { EDITION_BUDGET_READERS, Edition, EditionWithBudget, EditionYear } from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import type { Actor } from "../context";
import { found } from "../found";
import { publicProcedure } from "../trpc";

/** An edition as the actor may see it: its budget for EDITION_BUDGET_READERS only. */
const EditionView = z.union([EditionWithBudget, Edition]);
const viewFor =
  (actor: Actor | null) =>
  (edition: EditionWithBudget): EditionWithBudget | Edition =>
    actor && EDITION_BUDGET_READERS.includes(actor.role)
      ? EditionWithBudget.parse(edition)
      : Edition.parse(edition);

export const editionRouter = {
  list: publicProcedure
    .output(z.array(EditionView))
    .query(async ({ ctx }) => (await listEditions(ctx.db)).map(viewFor(ctx.actor))),

  get: publicProcedure
    .input(z.object({ id: z.uuid() }))
    .output(EditionView)
    .query(async ({ ctx, input }) =>
      viewFor(ctx.actor)(found(await findEdition(ctx.db, input.id), "Édition")),
    ),

  byYear: publicProcedure
    .input(EditionYear)
    .output(EditionView)
    .query(async ({ ctx, input }) =>
      viewFor(ctx.actor)(
        found(await findEditionByYear(ctx.db, input.year), `L'édition ${input.year}`),
      ),
    ),
} satisfies TRPCRouterRecord;

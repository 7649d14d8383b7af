import { findEdition, findEditionByYear, listEditions } from "@tribune/db";
import {
  currentEdition,
  EditionArchiveInput,
  EditionFromInput,
  EditionInput,
  EditionPartnersInput,
  EditionUpdate,
  EditionWithBudgetAndStatus,
  EditionWithStatus,
  EditionYear,
  Partner,
  PROGRAMME_EDITORS,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { found } from "../found";
import { archiveEdition } from "../services/editions/archive";
import { createEdition } from "../services/editions/create";
import { createEditionFrom, EditionCopyReport } from "../services/editions/createFrom";
import { editionPartners, setPartnersOfEdition } from "../services/editions/partners";
import { updateEditionFields } from "../services/editions/update";
import { editionView } from "../services/editions/view";
import { clockOf } from "../services/kit";
import { procedureFor, publicProcedure } from "../trpc";

/** An edition as the actor may see it (its budget for EDITION_BUDGET_READERS only), with its state. */
const EditionView = z.union([EditionWithBudgetAndStatus, EditionWithStatus]);

/** Who creates and edits editions: the organisers and admin (the bureau reads). */
const editor = procedureFor(...PROGRAMME_EDITORS);
/** Archiving freezes an edition for good: admin only. */
const archivist = procedureFor("admin");

export const editionRouter = {
  list: publicProcedure.output(z.array(EditionView)).query(async ({ ctx }) => {
    const now = clockOf(ctx).now();
    return (await listEditions(ctx.db)).map((e) => editionView(e, ctx.actor?.role ?? null, now));
  }),

  get: publicProcedure
    .input(z.object({ id: z.uuid() }))
    .output(EditionView)
    .query(async ({ ctx, input }) =>
      editionView(
        found(await findEdition(ctx.db, input.id), "Édition"),
        ctx.actor?.role ?? null,
        clockOf(ctx).now(),
      ),
    ),

  byYear: publicProcedure
    .input(EditionYear)
    .output(EditionView)
    .query(async ({ ctx, input }) =>
      editionView(
        found(await findEditionByYear(ctx.db, input.year), `L'édition ${input.year}`),
        ctx.actor?.role ?? null,
        clockOf(ctx).now(),
      ),
    ),

  /**
   * The edition every page opens on when none is asked for (the domain's rule: the running one,
   * else the next to come, else the last one over); null when there is no edition yet.
   */
  current: publicProcedure.output(EditionView.nullable()).query(async ({ ctx }) => {
    const now = clockOf(ctx).now();
    const edition = currentEdition(await listEditions(ctx.db), now);
    return edition && editionView(edition, ctx.actor?.role ?? null, now);
  }),

  /** A new edition from scratch (a blank press kit, no rooms, no programme). */
  create: editor
    .input(EditionInput)
    .output(EditionView)
    .mutation(async ({ ctx, input }) =>
      editionView(await createEdition(ctx, input), ctx.actor.role, clockOf(ctx).now()),
    ),

  /** A new edition from a previous one, with what was copied. */
  createFrom: editor
    .input(EditionFromInput)
    .output(z.object({ edition: EditionView, copied: EditionCopyReport }))
    .mutation(async ({ ctx, input }) => {
      const { edition, copied } = await createEditionFrom(ctx, input);
      return { edition: editionView(edition, ctx.actor.role, clockOf(ctx).now()), copied };
    }),

  /** Changes any of an edition's fields until it is archived. */
  update: editor
    .input(EditionUpdate)
    .output(EditionView)
    .mutation(async ({ ctx, input }) =>
      editionView(await updateEditionFields(ctx, input), ctx.actor.role, clockOf(ctx).now()),
    ),

  /** The partners of an edition, in its order (public: the programme names them). */
  partners: publicProcedure
    .input(z.object({ editionId: z.uuid() }))
    .output(z.array(Partner))
    .query(({ ctx, input }) => editionPartners(ctx, input.editionId)),

  /** Says which partners of the catalogue support the edition, in this order. */
  setPartners: editor
    .input(EditionPartnersInput)
    .output(z.array(Partner))
    .mutation(({ ctx, input }) => setPartnersOfEdition(ctx, input)),

  /** Archives an edition that is over: read-only everywhere from then on. */
  archive: archivist
    .input(EditionArchiveInput)
    .output(EditionView)
    .mutation(async ({ ctx, input }) =>
      editionView(await archiveEdition(ctx, input.id), ctx.actor.role, clockOf(ctx).now()),
    ),
} satisfies TRPCRouterRecord;

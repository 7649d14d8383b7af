import { PROGRAMME_EDITORS } from "@tribune/domain/auth";
import {
  EditionArchiveInput,
  EditionCopyReport,
  EditionFromInput,
  EditionInput,
  EditionPartnersInput,
  EditionUpdate,
  EditionView,
  EditionYear,
  Partner,
} from "@tribune/domain/congress";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { archiveEdition } from "../services/editions/archive";
import { createEdition } from "../services/editions/create";
import { createEditionFrom } from "../services/editions/create-from";
import { editionPartners, setPartnersOfEdition } from "../services/editions/partners";
import { updateEditionFields } from "../services/editions/update";
import {
  currentEditionView,
  editionViewById,
  editionViewByYear,
  editionViews,
  viewFor,
} from "../services/editions/view";
import { procedureFor, publicProcedure } from "../trpc";

/** Who creates and edits editions: the organisers and admin (the bureau reads). */
const editor = procedureFor(...PROGRAMME_EDITORS);
/** Archiving freezes an edition for good: admin only. */
const archivist = procedureFor("admin");

export const editionRouter = {
  list: publicProcedure.output(z.array(EditionView)).query(({ ctx }) => editionViews(ctx)),

  get: publicProcedure
    .input(z.object({ id: z.uuid() }))
    .output(EditionView)
    .query(({ ctx, input }) => editionViewById(ctx, input.id)),

  byYear: publicProcedure
    .input(EditionYear)
    .output(EditionView)
    .query(({ ctx, input }) => editionViewByYear(ctx, input.year)),

  /** The edition every page opens on when none is asked for (the domain's rule); null when none. */
  current: publicProcedure
    .output(EditionView.nullable())
    .query(({ ctx }) => currentEditionView(ctx)),

  /** A new edition from scratch (a blank press kit, no rooms, no programme). */
  create: editor
    .input(EditionInput)
    .output(EditionView)
    .mutation(async ({ ctx, input }) => viewFor(ctx, await createEdition(ctx, input))),

  /** A new edition from a previous one, with what was copied. */
  createFrom: editor
    .input(EditionFromInput)
    .output(z.object({ edition: EditionView, copied: EditionCopyReport }))
    .mutation(async ({ ctx, input }) => {
      const { edition, copied } = await createEditionFrom(ctx, input);
      return { edition: viewFor(ctx, edition), copied };
    }),

  /** Changes any of an edition's fields until it is archived. */
  update: editor
    .input(EditionUpdate)
    .output(EditionView)
    .mutation(async ({ ctx, input }) => viewFor(ctx, await updateEditionFields(ctx, input))),

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
    .mutation(async ({ ctx, input }) => viewFor(ctx, await archiveEdition(ctx, input.id))),
} satisfies TRPCRouterRecord;

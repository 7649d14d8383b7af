import { MEMBER_MANAGERS, SUBDIVISION_EDITORS, SUBDIVISION_READERS } from "@tribune/domain/auth";
import {
  Subdivision,
  SubdivisionDetail,
  SubdivisionInput,
  SubdivisionOption,
  SubdivisionRef,
  SubdivisionSummary,
  SubdivisionUpdate,
} from "@tribune/domain/union";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { createSubdivision } from "../services/subdivisions/create";
import { deleteSubdivision } from "../services/subdivisions/delete";
import {
  getSubdivision,
  subdivisionOptions,
  subdivisionSummaries,
} from "../services/subdivisions/queries";
import { updateSubdivision } from "../services/subdivisions/update";
import { procedureFor, publicProcedure } from "../trpc";

/** The union decides who is in the federation; its organisers record the decision. */
const federationEditor = procedureFor(...SUBDIVISION_EDITORS);
const manager = procedureFor(...MEMBER_MANAGERS);

export const subdivisionRouter = {
  /** Names only, for the public registration form. */
  options: publicProcedure
    .output(z.array(SubdivisionOption))
    .query(({ ctx }) => subdivisionOptions(ctx)),

  /** Every subdivision with its counts (aggregates only, no person named). */
  list: procedureFor(...SUBDIVISION_READERS)
    .output(z.array(SubdivisionSummary))
    .query(({ ctx }) => subdivisionSummaries(ctx)),

  /** One subdivision with its representatives; a representative sees their own only. */
  get: manager
    .input(SubdivisionRef)
    .output(SubdivisionDetail)
    .query(({ ctx, input }) => getSubdivision(ctx, input)),

  /** A representative updates their own subdivision only. */
  update: manager
    .input(SubdivisionUpdate)
    .output(Subdivision)
    .mutation(({ ctx, input }) => updateSubdivision(ctx, input)),

  /**
   * Admits a subdivision to the federation: it is on the public registration form at once.
   * A name, slug or alias another subdivision already answers to is refused, whatever the case
   * or accents, since CSV imports find subdivisions by any of them.
   */
  create: federationEditor
    .input(SubdivisionInput)
    .output(Subdivision)
    .mutation(({ ctx, input }) => createSubdivision(ctx, input)),

  /**
   * Removes a subdivision recorded by mistake. One that has members, registrations,
   * representatives or votes keeps them: it is refused (`referenced`), not cascaded.
   */
  delete: federationEditor
    .input(SubdivisionRef)
    .output(SubdivisionRef)
    .mutation(({ ctx, input }) => deleteSubdivision(ctx, input)),
} satisfies TRPCRouterRecord;

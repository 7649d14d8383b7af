import {
  Conflict,
  DayGrid,
  DayGridQuery,
  EditionYear,
  PROGRAMME_READERS,
  ProgrammeQuery,
  PublicProgramme,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { programmeChanges } from "../services/schedule/live";
import { dayGrid, editionConflicts, publicProgramme } from "../services/schedule/queries";
import { procedureFor, publicProcedure } from "../trpc";

const reader = procedureFor(...PROGRAMME_READERS);

export const scheduleRouter = {
  /** The printed planning of a day, drafts included. */
  grid: reader
    .input(DayGridQuery)
    .output(DayGrid)
    .query(({ ctx, input }) => dayGrid(ctx, input)),

  /** Every conflict of the edition, for the conflict list. */
  conflicts: reader
    .input(ProgrammeQuery)
    .output(z.array(Conflict))
    .query(({ ctx, input }) => editionConflicts(ctx, input)),

  /**
   * Live (SSE): tells the subscriber each time a session of the edition is created, changed,
   * moved, published or deleted — on this server or, on PostgreSQL, any other instance — so
   * that it reloads the programme instead of polling.
   */
  live: reader
    .input(ProgrammeQuery)
    .subscription(({ ctx, input, signal }) => programmeChanges(ctx, input, signal)),

  /** The published programme, for anyone: the public page and programme.json. */
  programme: publicProcedure
    .input(EditionYear)
    .output(PublicProgramme)
    .query(({ ctx, input }) => publicProgramme(ctx, input)),
} satisfies TRPCRouterRecord;

import { PROGRAMME_EDITORS, PROGRAMME_READERS } from "@tribune/domain/auth";
import { EditionYear } from "@tribune/domain/congress";
import {
  Conflict,
  DayGrid,
  DayGridQuery,
  ProgrammeImportInput,
  ProgrammeImportReport,
  ProgrammeQuery,
  PublicProgramme,
} from "@tribune/domain/schedule";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { importProgramme } from "../services/schedule/import";
import { programmeChanges } from "../services/schedule/live";
import { dayGrid, editionConflicts, publicProgramme } from "../services/schedule/queries";
import { procedureFor, publicProcedure } from "../trpc";

const reader = procedureFor(...PROGRAMME_READERS);
const editor = procedureFor(...PROGRAMME_EDITORS);

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

  /**
   * Imports a frab/pretalx schedule (json or xml) into an edition as draft sessions, or reports
   * what it would do (`dryRun`: the admin's preview). A refused file writes nothing and is
   * answered with its report, not an error: the organiser reads why, line by line.
   */
  import: editor
    .input(ProgrammeImportInput)
    .output(ProgrammeImportReport)
    .mutation(({ ctx, input }) => importProgramme(ctx, input)),
} satisfies TRPCRouterRecord;

import { findEditionByYear, listPartners } from "@tribune/db";
import {
  buildDayGrid,
  Conflict,
  DayGrid,
  Edition,
  EditionYear,
  findConflicts,
  IsoDate,
  PROGRAMME_READERS,
  ProgrammeEntry,
  toProgramme,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { found } from "../found";
import { loadSchedule } from "../schedule-data";
import { procedureFor, publicProcedure } from "../trpc";

const reader = procedureFor(...PROGRAMME_READERS);

export const PublicProgramme = z.object({ edition: Edition, entries: z.array(ProgrammeEntry) });

export const scheduleRouter = {
  /** The printed planning of a day, drafts included. */
  grid: reader
    .input(z.object({ editionId: z.uuid(), day: IsoDate }))
    .output(DayGrid)
    .query(async ({ ctx, input }) => {
      const { edition, rooms, sessions } = await loadSchedule(ctx.db, input.editionId);
      return buildDayGrid(input.day, rooms, sessions, edition.timeZone);
    }),

  /** Every conflict of the edition, for the conflict list. */
  conflicts: reader
    .input(z.object({ editionId: z.uuid() }))
    .output(z.array(Conflict))
    .query(async ({ ctx, input }) => findConflicts(await loadSchedule(ctx.db, input.editionId))),

  /** The published programme, for anyone: the public page and programme.json. */
  programme: publicProcedure
    .input(EditionYear)
    .output(PublicProgramme)
    .query(async ({ ctx, input }) => {
      const edition = found(await findEditionByYear(ctx.db, input.year), `L'édition ${input.year}`);
      const [{ rooms, sessions, speakers }, partners] = await Promise.all([
        loadSchedule(ctx.db, edition.id, { publishedOnly: true }),
        listPartners(ctx.db),
      ]);
      return {
        edition,
        entries: toProgramme(sessions, { rooms, speakers, partners, timeZone: edition.timeZone }),
      };
    }),
} satisfies TRPCRouterRecord;

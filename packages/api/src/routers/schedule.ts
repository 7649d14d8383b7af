import { findEdition, findEditionByYear, listPartners } from "@tribune/db";
import {
  buildDayGrid,
  Conflict,
  DayGrid,
  Edition,
  EditionStatus,
  EditionYear,
  editionStatus,
  findConflicts,
  IsoDate,
  PROGRAMME_READERS,
  ProgrammeEntry,
  programmeInPreparation,
  toProgramme,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { found } from "../found";
import { editionChanges } from "../live";
import { loadSchedule } from "../schedule-data";
import { clockOf } from "../services/kit";
import { procedureFor, publicProcedure } from "../trpc";

const reader = procedureFor(...PROGRAMME_READERS);

/** "subscribed" on every (re)connection, "changed" after the programme changed. */
export const ProgrammeChange = z.object({
  editionId: z.uuid(),
  reason: z.enum(["subscribed", "changed"]),
});

export const PublicProgramme = z.object({
  edition: Edition,
  entries: z.array(ProgrammeEntry),
  /** The edition's state now (preparation, registration open, running, finished, archived). */
  status: EditionStatus,
  /**
   * True while nothing is published and the congress is still to come or running: the pages
   * say « Programme en préparation » instead of an empty grid.
   */
  inPreparation: z.boolean(),
});

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

  /**
   * Live (SSE): tells the subscriber each time a session of the edition is created, changed,
   * moved, published or deleted — on this server or, on PostgreSQL, any other instance — so
   * that it reloads the programme instead of polling.
   */
  live: reader
    .input(z.object({ editionId: z.uuid() }))
    .subscription(async ({ ctx, input, signal }) => {
      // Checked before streaming, so that an unknown edition is a NOT_FOUND, not a broken stream.
      found(await findEdition(ctx.db, input.editionId), "Édition");
      const changes = editionChanges(ctx, "programme.changed", input.editionId, signal);
      return (async function* (): AsyncGenerator<z.infer<typeof ProgrammeChange>> {
        for await (const reason of changes) yield { editionId: input.editionId, reason };
      })();
    }),

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
      const entries = toProgramme(sessions, {
        rooms,
        speakers,
        partners,
        timeZone: edition.timeZone,
      });
      const status = editionStatus(edition, clockOf(ctx).now());
      return { edition, entries, status, inPreparation: programmeInPreparation(status, entries) };
    }),
} satisfies TRPCRouterRecord;

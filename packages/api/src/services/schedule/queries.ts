import { findEditionByYear } from "@tribune/db/repos/editions";
import { listPartners } from "@tribune/db/repos/people";
import { type EditionYear, programmeInPreparation } from "@tribune/domain/congress";
import {
  buildDayGrid,
  type Conflict,
  type DayGrid,
  type DayGridQuery,
  findConflicts,
  type ProgrammeQuery,
  type PublicProgramme,
  toProgramme,
} from "@tribune/domain/schedule";
import type { z } from "zod";
import { found } from "../../found";
import { statusNow } from "../editions/status-now";
import { clockOf, type ServiceContext } from "../kit";
import { loadSchedule } from "./load";

/** The printed planning of a day, drafts included. */
export async function dayGrid(ctx: ServiceContext, input: DayGridQuery): Promise<DayGrid> {
  const { edition, rooms, sessions } = await loadSchedule(ctx.db, input.editionId);
  return buildDayGrid(input.day, rooms, sessions, edition.timeZone);
}

/** Every conflict of the edition's programme. */
export async function editionConflicts(
  ctx: ServiceContext,
  input: ProgrammeQuery,
): Promise<Conflict[]> {
  return findConflicts(await loadSchedule(ctx.db, input.editionId));
}

/** The published sessions of an edition, as anyone sees them (what the public cache keeps). */
async function publishedProgramme(ctx: ServiceContext, year: number) {
  const edition = found(await findEditionByYear(ctx.db, year), `L'édition ${year}`);
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
  return { editionId: edition.id, value: { edition, entries } };
}

/**
 * The published programme of an edition, with its state now, for anyone. The sessions come
 * from the public cache when the server keeps one (built once per change of the programme);
 * the state is worked out on each call, the clock moves it.
 */
export async function publicProgramme(
  ctx: ServiceContext,
  input: z.output<typeof EditionYear>,
): Promise<PublicProgramme> {
  const { edition, entries } = ctx.publicCache
    ? await ctx.publicCache.get(`schedule.programme ${input.year}`, () =>
        publishedProgramme(ctx, input.year),
      )
    : (await publishedProgramme(ctx, input.year)).value;
  const status = statusNow(edition, clockOf(ctx).now());
  return { edition, entries, status, inPreparation: programmeInPreparation(status, entries) };
}

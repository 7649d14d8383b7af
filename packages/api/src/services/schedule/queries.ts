import { findEditionByYear, listPartners } from "@tribune/db";
import {
  buildDayGrid,
  type Conflict,
  type DayGrid,
  type DayGridQuery,
  type EditionYear,
  editionStatus,
  findConflicts,
  type ProgrammeQuery,
  type PublicProgramme,
  programmeInPreparation,
  toProgramme,
} from "@tribune/domain";
import type { z } from "zod";
import { found } from "../../found";
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

/** The published programme of an edition, with its state now, for anyone. */
export async function publicProgramme(
  ctx: ServiceContext,
  input: z.output<typeof EditionYear>,
): Promise<PublicProgramme> {
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
}

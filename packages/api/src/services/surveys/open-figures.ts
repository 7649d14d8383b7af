import { findEditionByYear } from "@tribune/db/repos/editions";
import { listManualFigures } from "@tribune/db/repos/press-kit-frames";
import type { EditionYear } from "@tribune/domain/congress";
import {
  OPEN_FIGURE_COLUMNS,
  type OpenFigure,
  openFigureRow,
  toOpenFigure,
  toOpenManualFigure,
} from "@tribune/domain/surveys";
import type { z } from "zod";
import { toSpreadsheetCsv } from "../../csv";
import { found } from "../../found";
import type { ServiceContext } from "../kit";
import { computeKeyFigures } from "./key-figures";

/**
 * The published key figures as open data, for the edition of `year` (the figures its press kit
 * quotes: every published one, computed now, small groups suppressed by the domain; then the
 * edition's manual figures, quoted from others, with their provenance).
 */
export async function openFigures(
  ctx: ServiceContext,
  input: z.output<typeof EditionYear>,
): Promise<{ edition: number; figures: OpenFigure[] }> {
  const edition = found(await findEditionByYear(ctx.db, input.year), `L'édition ${input.year}`);
  const figures = (await computeKeyFigures(ctx.db, { publishedOnly: true })).map(toOpenFigure);
  // Then the edition's manual figures, marked « chiffre cité » with their provenance.
  const taken = new Set(figures.map((f) => f.id));
  const manual = (await listManualFigures(ctx.db, edition.id)).filter((f) => !taken.has(f.id));
  return { edition: input.year, figures: [...figures, ...manual.map(toOpenManualFigure)] };
}

export async function openFiguresJson(ctx: ServiceContext, input: { year: number }) {
  return `${JSON.stringify(await openFigures(ctx, input), null, 2)}\n`;
}

/** figures.csv: one line per figure, for a spreadsheet (UTF-8 with BOM, semicolons). */
export async function openFiguresCsv(ctx: ServiceContext, input: { year: number }) {
  const { figures } = await openFigures(ctx, input);
  return toSpreadsheetCsv([...OPEN_FIGURE_COLUMNS], figures.map(openFigureRow));
}

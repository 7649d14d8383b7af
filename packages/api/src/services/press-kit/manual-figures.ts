import type { Executor } from "@tribune/db";
import { findEditionByYear } from "@tribune/db/repos/editions";
import { listManualFigures } from "@tribune/db/repos/press-kit-frames";
import { listKeyFigureDefinitions } from "@tribune/db/repos/surveys";
import { localDay } from "@tribune/domain/kernel";
import type { ManualFigure } from "@tribune/domain/press-kit";
import { found } from "../../found";
import { assertEditionWritable } from "../editions/writable";
import { clockOf, type ServiceContext } from "../kit";
import { quotableFigureIds } from "../quotable-figures";

/** The manual (quoted) key figures of an edition, by id. */
export async function listEditionManualFigures(
  ctx: ServiceContext,
  { year }: { year: number },
): Promise<ManualFigure[]> {
  const edition = found(await findEditionByYear(ctx.db, year), `L'édition ${year}`);
  return listManualFigures(ctx.db, edition.id);
}

/** The edition of a manual figure being changed: refused (locked) once archived. */
export async function writableEdition(tx: Executor, year: number) {
  return assertEditionWritable(
    tx,
    found(await findEditionByYear(tx, year), `L'édition ${year}`).id,
  );
}

/**
 * The ids a new manual figure may not take: every figure the edition's texts may quote, and
 * every survey figure, published or not (publishing it later would make two figures one id).
 */
export async function takenFigureIds(tx: Executor, editionId: string): Promise<Set<string>> {
  const all = (await listKeyFigureDefinitions(tx)).map((f) => f.id);
  return new Set([...(await quotableFigureIds(tx, editionId)), ...all]);
}

/** Today in Paris, as the domain compares publication dates. */
export const todayOf = (ctx: ServiceContext) => localDay(clockOf(ctx).now().toISOString());

/** How the audit log names a manual figure: "2027/chiffre-cite/drees-burnout". */
export const manualFigureEntityId = (year: number, id: string) => `${year}/chiffre-cite/${id}`;

import type { ManualFigure, ManualFigureFields, PressKitFrame } from "@tribune/domain/press-kit";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { editions, manualKeyFigures, pressKitFrames } from "../schema";

/** The stored frame of an edition's press kit, or null (none saved yet). */
export async function findPressKitFrame(
  db: Executor,
  editionId: string,
): Promise<{ frame: PressKitFrame; updatedAt: string; updatedBy: string | null } | null> {
  const [row] = await db
    .select()
    .from(pressKitFrames)
    .where(eq(pressKitFrames.editionId, editionId));
  return row ? { frame: row.frame, updatedAt: row.updatedAt, updatedBy: row.updatedBy } : null;
}

/** Every stored frame, the latest edition's first (by year). */
export async function listPressKitFrames(
  db: Executor,
): Promise<{ editionId: string; year: number; frame: PressKitFrame }[]> {
  return db
    .select({
      editionId: pressKitFrames.editionId,
      year: editions.year,
      frame: pressKitFrames.frame,
    })
    .from(pressKitFrames)
    .innerJoin(editions, eq(editions.id, pressKitFrames.editionId))
    .orderBy(desc(editions.year));
}

/** Writes an edition's frame (insert or replace). */
export async function savePressKitFrame(
  db: Executor,
  editionId: string,
  frame: PressKitFrame,
  by: string | null,
): Promise<void> {
  const values = { frame, updatedBy: by, updatedAt: new Date().toISOString() };
  await db
    .insert(pressKitFrames)
    .values({ editionId, ...values })
    .onConflictDoUpdate({ target: pressKitFrames.editionId, set: values });
}

/** Writes an edition's frame unless it has one (the seed: never over what people edited). */
export async function insertPressKitFrameIfMissing(
  db: Executor,
  editionId: string,
  frame: PressKitFrame,
): Promise<void> {
  await db.insert(pressKitFrames).values({ editionId, frame }).onConflictDoNothing();
}

type FigureRow = typeof manualKeyFigures.$inferSelect;
const toFigure = (r: FigureRow): ManualFigure => ({
  id: r.id,
  label: r.label,
  value: r.value,
  unit: r.unit,
  decimals: r.decimals,
  sourceOrganisation: r.sourceOrganisation,
  sourceTitle: r.sourceTitle,
  sample: r.sample,
  publishedOn: r.publishedOn,
  url: r.url ?? "",
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
});

/** The manual key figures of an edition, by id. */
export async function listManualFigures(db: Executor, editionId: string): Promise<ManualFigure[]> {
  const rows = await db
    .select()
    .from(manualKeyFigures)
    .where(eq(manualKeyFigures.editionId, editionId))
    .orderBy(asc(manualKeyFigures.id));
  return rows.map(toFigure);
}

/** The manual key figures of every edition (the ids a dossier may quote). */
export async function listAllManualFigureIds(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ id: manualKeyFigures.id }).from(manualKeyFigures);
  return rows.map((r) => r.id);
}

/** One manual figure, locked for update, or null. */
export async function lockManualFigure(
  db: Executor,
  editionId: string,
  id: string,
): Promise<ManualFigure | null> {
  const [row] = await db
    .select()
    .from(manualKeyFigures)
    .where(and(eq(manualKeyFigures.editionId, editionId), eq(manualKeyFigures.id, id)))
    .for("update");
  return row ? toFigure(row) : null;
}

/** Writes a manual figure (insert or replace). */
export async function saveManualFigure(
  db: Executor,
  editionId: string,
  figure: ManualFigureFields,
  by: string | null,
): Promise<ManualFigure> {
  const values = {
    label: figure.label,
    value: figure.value,
    unit: figure.unit,
    decimals: figure.decimals,
    sourceOrganisation: figure.sourceOrganisation,
    sourceTitle: figure.sourceTitle,
    sample: figure.sample,
    publishedOn: figure.publishedOn,
    url: figure.url || null,
    updatedBy: by,
    updatedAt: new Date().toISOString(),
  };
  const [row] = await db
    .insert(manualKeyFigures)
    .values({ editionId, id: figure.id, ...values })
    .onConflictDoUpdate({ target: [manualKeyFigures.editionId, manualKeyFigures.id], set: values })
    .returning();
  if (!row) throw new Error("manual figure not saved");
  return toFigure(row);
}

export async function deleteManualFigure(db: Executor, editionId: string, id: string) {
  await db
    .delete(manualKeyFigures)
    .where(and(eq(manualKeyFigures.editionId, editionId), eq(manualKeyFigures.id, id)));
}

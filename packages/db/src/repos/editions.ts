import type { EditionWithBudget } from "@tribune/domain/congress";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { editionPartners, editions } from "../schema";

type Row = typeof editions.$inferSelect;
type Fields = Omit<EditionWithBudget, "id" | "archivedAt">;

/** Timestamps come back from PostgreSQL as "2027-02-01 10:00:00+00": normalised to ISO. */
const toEdition = (row: Row): EditionWithBudget => ({
  ...row,
  archivedAt: row.archivedAt === null ? null : new Date(row.archivedAt).toISOString(),
});

export const listEditions = async (db: Executor): Promise<EditionWithBudget[]> =>
  (await db.select().from(editions).orderBy(asc(editions.year))).map(toEdition);

export async function findEditionByYear(
  db: Executor,
  year: number,
): Promise<EditionWithBudget | null> {
  const [row] = await db.select().from(editions).where(eq(editions.year, year));
  return row ? toEdition(row) : null;
}

export async function findEdition(db: Executor, id: string): Promise<EditionWithBudget | null> {
  const [row] = await db.select().from(editions).where(eq(editions.id, id));
  return row ? toEdition(row) : null;
}

/**
 * Reads the edition and holds a shared lock on its row until the transaction ends: any number
 * of changes to the edition's data run side by side, but archiving (`lockEdition`) waits for
 * them, and they wait for it — a change never commits into an edition archived meanwhile.
 */
export async function shareEdition(db: Executor, id: string): Promise<EditionWithBudget | null> {
  const [row] = await db.select().from(editions).where(eq(editions.id, id)).for("share");
  return row ? toEdition(row) : null;
}

/** Reads the edition and holds its row until the transaction ends (archive, edit). */
export async function lockEdition(db: Executor, id: string): Promise<EditionWithBudget | null> {
  const [row] = await db.select().from(editions).where(eq(editions.id, id)).for("update");
  return row ? toEdition(row) : null;
}

export async function insertEdition(
  db: Executor,
  fields: Fields & { id?: string },
): Promise<EditionWithBudget> {
  const [row] = await db.insert(editions).values(fields).returning();
  return toEdition(row as Row);
}

export async function updateEdition(
  db: Executor,
  id: string,
  patch: Partial<Fields>,
): Promise<EditionWithBudget> {
  const [row] = await db.update(editions).set(patch).where(eq(editions.id, id)).returning();
  return toEdition(row as Row);
}

export async function setEditionArchivedAt(
  db: Executor,
  id: string,
  archivedAt: string | null,
): Promise<EditionWithBudget> {
  const [row] = await db
    .update(editions)
    .set({ archivedAt })
    .where(eq(editions.id, id))
    .returning();
  return toEdition(row as Row);
}

/** The partners of an edition, in its order. */
export async function listEditionPartnerIds(db: Executor, editionId: string): Promise<string[]> {
  const rows = await db
    .select({ partnerId: editionPartners.partnerId })
    .from(editionPartners)
    .where(eq(editionPartners.editionId, editionId))
    .orderBy(asc(editionPartners.position));
  return rows.map((r) => r.partnerId);
}

/** Replaces an edition's partners by these, in this order. */
export async function setEditionPartners(
  db: Executor,
  editionId: string,
  partnerIds: readonly string[],
): Promise<void> {
  await db.delete(editionPartners).where(eq(editionPartners.editionId, editionId));
  if (partnerIds.length > 0)
    await db
      .insert(editionPartners)
      .values(partnerIds.map((partnerId, position) => ({ editionId, partnerId, position })));
}

import type { EditionWithBudget } from "@tribune/domain";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { editions } from "../schema";

export const listEditions = (db: Executor): Promise<EditionWithBudget[]> =>
  db.select().from(editions).orderBy(asc(editions.year));

export async function findEditionByYear(
  db: Executor,
  year: number,
): Promise<EditionWithBudget | null> {
  const [row] = await db.select().from(editions).where(eq(editions.year, year));
  return row ?? null;
}

export async function findEdition(db: Executor, id: string): Promise<EditionWithBudget | null> {
  const [row] = await db.select().from(editions).where(eq(editions.id, id));
  return row ?? null;
}

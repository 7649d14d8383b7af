import { and, count, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { findEdition } from "../repos/editions";
import { registrations, surveyResponsePool, surveyResponses } from "../schema";

/**
 * What real people left in the database: registrations and survey answers not generated for
 * a demo. A database holding any of them is a real one: the demo is never added to it.
 */
export async function realActivity(
  db: Executor,
): Promise<{ registrations: number; responses: number }> {
  const [registered] = await db
    .select({ n: count() })
    .from(registrations)
    .where(eq(registrations.synthetic, false));
  const [answered] = await db
    .select({ n: count() })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.synthetic, false)));
  const [waiting] = await db.select({ n: count() }).from(surveyResponsePool);
  return {
    registrations: Number(registered?.n ?? 0),
    responses: Number(answered?.n ?? 0) + Number(waiting?.n ?? 0),
  };
}

/** Whether the demo's 2026 edition is there (a database the demo was loaded into). */
export const holdsEdition = async (db: Executor, id: string) =>
  (await findEdition(db, id)) !== null;

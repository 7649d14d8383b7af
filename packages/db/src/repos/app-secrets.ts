import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { appSecrets } from "../schema";

/**
 * The secret named `name`, made (32 random bytes, base64url) the first time it is asked for.
 * Instances that ask at once agree: the first insert wins, the others read it.
 */
export async function appSecret(db: Executor, name: string): Promise<string> {
  await db
    .insert(appSecrets)
    .values({ name, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, name));
  if (!row) throw new Error(`Secret ${name} missing after insert`);
  return row.value;
}

import { createHash } from "node:crypto";
import { DomainError } from "@tribune/domain";
import { and, eq, lt } from "drizzle-orm";
import type { Database, Executor } from "../client";
import { idempotencyKeys } from "../schema";

/** Stable JSON: the same input hashes the same whatever the order of its keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const hashRequest = (input: unknown) =>
  createHash("sha256").update(canonical(input)).digest("base64url");

export const KEY_REUSED_MESSAGE =
  "Cette clé d'idempotence a déjà servi pour une autre demande : générez-en une nouvelle.";

/**
 * Runs `work` in one transaction, once per (scope, key): the first call stores its result
 * under the key in the same transaction; a retry with the same key and input gets that result
 * back and writes nothing. Concurrent calls with one key wait for each other on the key's
 * row (its primary key), so only one does the work. A call that fails stores nothing, so a
 * retry tries again. Without a key, `work` simply runs in a transaction.
 */
export async function idempotent<T>(
  db: Database,
  scope: string,
  key: string | undefined,
  input: unknown,
  work: (tx: Executor) => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  if (!key) return { value: await db.transaction(work), replayed: false };
  const requestHash = hashRequest(input);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ scope, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [stored] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      if (!stored || stored.requestHash !== requestHash)
        throw new DomainError("invalid", KEY_REUSED_MESSAGE);
      return { value: stored.response as T, replayed: true };
    }
    const value = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ response: value as unknown })
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    return { value, replayed: false };
  });
}

/** Forgets keys older than `before` (ISO instant); retries come within minutes, not months. */
export async function purgeIdempotencyKeys(db: Executor, before: string): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
}

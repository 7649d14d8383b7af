import { createHash } from "node:crypto";
import { IDEMPOTENCY_REFUSALS, refusalError } from "@tribune/domain/kernel";
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

/** PostgreSQL aborted the transaction to break a deadlock (40P01) or a serialization conflict (40001). */
export function isTransientConflict(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === "40P01" || code === "40001") return true;
  }
  return false;
}

const RETRY_ATTEMPTS = 4;

/**
 * Runs `work` in a transaction, and again (up to RETRY_ATTEMPTS times in all, after a short
 * random pause) when PostgreSQL aborted it to break a deadlock or a serialization conflict:
 * everything it did was rolled back, so running it again is safe. Any other error, or the
 * last conflict, goes to the caller.
 */
export async function retryTransaction<T>(
  db: Database,
  work: (tx: Executor) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= RETRY_ATTEMPTS || !isTransientConflict(error)) throw error;
      // Jitter, so that the two sides of a deadlock do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/**
 * Runs `work` in one transaction, once per (scope, key): the first call stores its result
 * under the key in the same transaction; a retry with the same key and input gets that result
 * back and writes nothing. Concurrent calls with one key wait for each other on the key's
 * row (its primary key), so only one does the work. A call that fails stores nothing, so a
 * retry tries again. Without a key, `work` simply runs in a transaction. Either way the
 * transaction is run again when PostgreSQL aborts it on a deadlock (retryTransaction).
 */
export async function idempotent<T>(
  db: Database,
  scope: string,
  key: string | undefined,
  input: unknown,
  work: (tx: Executor) => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  if (!key) return { value: await retryTransaction(db, work), replayed: false };
  const requestHash = hashRequest(input);
  return retryTransaction(db, async (tx) => {
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
        throw refusalError(IDEMPOTENCY_REFUSALS.keyReused());
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

/** How long a key is kept: a client retries within minutes, not days. */
export const IDEMPOTENCY_KEY_LIFETIME_SECONDS = 24 * 3600;

/** Forgets keys older than `before` (ISO instant); returns how many. */
export async function purgeIdempotencyKeys(db: Executor, before: string): Promise<number> {
  const purged = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, before))
    .returning({ key: idempotencyKeys.key });
  return purged.length;
}

/** Forgets the keys older than IDEMPOTENCY_KEY_LIFETIME_SECONDS; returns how many. */
export const purgeExpiredIdempotencyKeys = (db: Executor, now = Date.now()) =>
  purgeIdempotencyKeys(db, new Date(now - IDEMPOTENCY_KEY_LIFETIME_SECONDS * 1000).toISOString());

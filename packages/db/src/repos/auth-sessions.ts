import { and, eq, gt, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { authSessions, loginThrottle, users } from "../schema";

export async function insertAuthSession(
  db: Executor,
  input: { tokenHash: string; userId: string; expiresAt: string },
): Promise<void> {
  await db.insert(authSessions).values(input);
}

/** The live session for a token hash with its user, or null if unknown, revoked, expired or idle too long. */
export async function findLiveAuthSession(db: Executor, tokenHash: string, idleSince: string) {
  const [row] = await db
    // Only what resolving an actor needs: this runs on every signed-in request.
    .select({
      session: { id: authSessions.id, lastSeenAt: authSessions.lastSeenAt },
      user: {
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        subdivisionId: users.subdivisionId,
      },
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        eq(authSessions.tokenHash, tokenHash),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, new Date().toISOString()),
        gt(authSessions.lastSeenAt, idleSince),
        eq(users.disabled, false),
      ),
    );
  return row ?? null;
}

/**
 * Whether a login session may still be used: not revoked, not expired, its account enabled.
 * (A live stream counts as use: the idle lifetime does not apply.)
 */
export async function isAuthSessionLive(db: Executor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        eq(authSessions.id, id),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, new Date().toISOString()),
        eq(users.disabled, false),
      ),
    );
  return row !== undefined;
}

export async function touchAuthSession(db: Executor, id: string): Promise<void> {
  await db
    .update(authSessions)
    .set({ lastSeenAt: new Date().toISOString() })
    .where(eq(authSessions.id, id));
}

export async function revokeAuthSession(db: Executor, tokenHash: string): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: new Date().toISOString() })
    .where(eq(authSessions.tokenHash, tokenHash));
}

/** Housekeeping: drops sessions that can no longer be used. */
export async function purgeDeadAuthSessions(db: Executor, idleSince: string): Promise<void> {
  await db
    .delete(authSessions)
    .where(
      or(
        lt(authSessions.expiresAt, new Date().toISOString()),
        lt(authSessions.lastSeenAt, idleSince),
        isNotNull(authSessions.revokedAt),
      ),
    );
}

/** Failures counted for a key in the current window (0 once the window has passed). */
export async function loginFailures(
  db: Executor,
  key: string,
  windowStart: string,
): Promise<number> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  if (!row || Date.parse(row.windowStartedAt) < Date.parse(windowStart)) return 0;
  return row.failures;
}

/**
 * Takes one of a key's `max` attempts for the current window in a single statement, so that
 * concurrent attempts cannot all read a count below the limit: the row lock serialises them, and
 * the condition is re-checked against the latest count. Returns the attempts now counted
 * (1..max), or null when the limit was already reached (nothing is counted then).
 */
export async function takeLoginAttempt(
  db: Executor,
  key: string,
  max: number,
  windowStart: string,
): Promise<number | null> {
  const now = new Date().toISOString();
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sqlFailures(windowStart),
        windowStartedAt: sqlWindow(windowStart, now),
      },
      setWhere: sql`${loginThrottle.windowStartedAt} < ${windowStart} or ${loginThrottle.failures} < ${max}`,
    })
    .returning({ failures: loginThrottle.failures });
  return row?.failures ?? null;
}

/** Gives back an attempt taken by takeLoginAttempt that turned out not to be a failure. */
export async function releaseLoginAttempt(db: Executor, key: string): Promise<void> {
  await db
    .update(loginThrottle)
    .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
    .where(eq(loginThrottle.key, key));
}

export async function clearLoginFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

// A failure after the window restarts the count; otherwise it adds one.
const sqlFailures = (windowStart: string) =>
  sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`;
const sqlWindow = (windowStart: string, now: string) =>
  sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then ${now}::timestamptz else ${loginThrottle.windowStartedAt} end`;

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

export async function recordLoginFailure(
  db: Executor,
  key: string,
  windowStart: string,
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sqlFailures(windowStart),
        windowStartedAt: sqlWindow(windowStart, now),
      },
    });
}

export async function clearLoginFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

// A failure after the window restarts the count; otherwise it adds one.
const sqlFailures = (windowStart: string) =>
  sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`;
const sqlWindow = (windowStart: string, now: string) =>
  sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then ${now}::timestamptz else ${loginThrottle.windowStartedAt} end`;

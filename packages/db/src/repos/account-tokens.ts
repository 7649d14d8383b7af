import type { AccountTokenPurpose } from "@tribune/domain/auth";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "../client";
import { accountTokens, users } from "../schema";

/** A stored link of an account, with what deciding on it needs of the account. */
export interface AccountTokenFacts {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  expiresAt: string;
  usedAt: string | null;
  account: { email: string; displayName: string; disabled: boolean; hasPassword: boolean };
}

export async function insertAccountToken(
  db: Executor,
  input: { tokenHash: string; userId: string; purpose: AccountTokenPurpose; expiresAt: string },
): Promise<{ id: string }> {
  const [row] = await db.insert(accountTokens).values(input).returning({ id: accountTokens.id });
  return row as { id: string };
}

/**
 * Marks every unused link of an account for `purpose` as used (`at`): a new reset voids the
 * older ones, a new invitation the earlier invitations.
 */
export async function voidAccountTokens(
  db: Executor,
  userId: string,
  purpose: AccountTokenPurpose,
  at: string,
): Promise<void> {
  await db
    .update(accountTokens)
    .set({ usedAt: at })
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
      ),
    );
}

/**
 * The link a token digest names with its account, row-locked (FOR UPDATE) so that two uses of
 * the same link cannot both pass; null if unknown.
 */
export async function lockAccountToken(
  db: Executor,
  tokenHash: string,
): Promise<AccountTokenFacts | null> {
  const [row] = await db
    .select({
      id: accountTokens.id,
      userId: accountTokens.userId,
      purpose: accountTokens.purpose,
      expiresAt: accountTokens.expiresAt,
      usedAt: accountTokens.usedAt,
      email: users.email,
      displayName: users.displayName,
      disabled: users.disabled,
      passwordHash: users.passwordHash,
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(eq(accountTokens.tokenHash, tokenHash))
    .for("update", { of: accountTokens });
  if (!row) return null;
  const { email, displayName, disabled, passwordHash, ...token } = row;
  return {
    ...token,
    account: { email, displayName, disabled, hasPassword: passwordHash !== null },
  };
}

/** Spends a link: it is used from `at` on. */
export async function spendAccountToken(db: Executor, id: string, at: string): Promise<void> {
  await db.update(accountTokens).set({ usedAt: at }).where(eq(accountTokens.id, id));
}

/** The stored link a token digest names, as stored (tests, diagnostics); null if unknown. */
export async function findAccountToken(db: Executor, tokenHash: string) {
  const [row] = await db.select().from(accountTokens).where(eq(accountTokens.tokenHash, tokenHash));
  return row ?? null;
}

/** Housekeeping: drops the links that can no longer be used (spent, voided or expired). */
export async function purgeDeadAccountTokens(db: Executor, now: Date): Promise<void> {
  await db
    .delete(accountTokens)
    .where(or(isNotNull(accountTokens.usedAt), lt(accountTokens.expiresAt, now.toISOString())));
}

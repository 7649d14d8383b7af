import type { Role, User } from "@tribune/domain/auth";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { Executor } from "../client";
import { authSessions, users } from "../schema";

type UserRow = typeof users.$inferSelect;
/** The stored password's hash: null while an invited account has not chosen one. */
export type UserWithHash = User & { passwordHash: string | null };

const toUser = ({ passwordHash: _h, ...row }: UserRow): User => row;

export async function insertUser(
  db: Executor,
  input: {
    email: string;
    displayName: string;
    role: Role;
    subdivisionId: string | null;
    /** Null for an invited account: it cannot sign in until its owner chooses a password. */
    passwordHash: string | null;
  },
): Promise<User> {
  const [row] = await db.insert(users).values(input).returning();
  return toUser(row as UserRow);
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserWithHash | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function findUser(db: Executor, id: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ? toUser(row) : null;
}

export async function listUsers(db: Executor): Promise<User[]> {
  const rows = await db.select().from(users).orderBy(asc(users.role), asc(users.email));
  return rows.map(toUser);
}

/** Disabling also ends every open login session of the account. */
export async function disableUser(db: Executor, id: string): Promise<void> {
  await db.update(users).set({ disabled: true }).where(eq(users.id, id));
  await db.delete(authSessions).where(eq(authSessions.userId, id));
}

/** An account may sign in again (with the password it had: nothing else changes). */
export async function enableUser(db: Executor, id: string): Promise<void> {
  await db.update(users).set({ disabled: false }).where(eq(users.id, id));
}

/** Sets an account's role, and the subdivision a representative acts for (null otherwise). */
export async function setUserRole(
  db: Executor,
  id: string,
  role: Role,
  subdivisionId: string | null,
): Promise<void> {
  await db.update(users).set({ role, subdivisionId }).where(eq(users.id, id));
}

/**
 * Active administrators other than `exceptId`, counted under a lock on their rows: two
 * administrators demoting each other at once cannot both succeed.
 */
export async function otherActiveAdmins(db: Executor, exceptId: string): Promise<number> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, exceptId)))
    .for("update");
  return rows.length;
}

/** Every account with whether it still awaits its invited owner's first password. */
export async function listUsersWithInvitations(
  db: Executor,
): Promise<(User & { invitationPending: boolean })[]> {
  const rows = await db.select().from(users).orderBy(asc(users.role), asc(users.email));
  return rows.map((row) => ({ ...toUser(row), invitationPending: row.passwordHash === null }));
}

/** Sets an account's password (its hash). */
export async function setUserPassword(
  db: Executor,
  id: string,
  passwordHash: string,
): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, id));
}

/** Revokes every open login session of an account (a password was reset): all must sign in again. */
export async function revokeUserSessions(db: Executor, id: string, at: string): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: at })
    .where(and(eq(authSessions.userId, id), isNull(authSessions.revokedAt)));
}

import type { Role, User } from "@tribune/domain";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { authSessions, users } from "../schema";

type UserRow = typeof users.$inferSelect;
export type UserWithHash = User & { passwordHash: string };

const toUser = ({ passwordHash: _h, ...row }: UserRow): User => row;

export async function insertUser(
  db: Executor,
  input: {
    email: string;
    displayName: string;
    role: Role;
    subdivisionId: string | null;
    passwordHash: string;
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

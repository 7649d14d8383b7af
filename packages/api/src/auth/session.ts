import {
  type Database,
  findLiveAuthSession,
  findUserByEmail,
  insertAuthSession,
  revokeAuthSession,
  touchAuthSession,
} from "@tribune/db";
import { DomainError, type LoginInput, type Me } from "@tribune/domain";
import type { Actor } from "../context";
import { decoyPasswordHash, verifyPassword } from "./passwords";
import { countLoginAttempt, noteLoginSuccess } from "./throttle";
import {
  hashSessionToken,
  newSessionToken,
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
} from "./tokens";

const TOUCH_INTERVAL_MS = 60_000;
const BAD_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect.";

/**
 * Checks the credentials and opens a new login session. The caller's previous session, if
 * any, is revoked: the token is rotated at every login.
 */
export async function logIn(
  db: Database,
  input: LoginInput,
  ip: string,
  previousToken: string | null,
): Promise<{ me: Me; token: string }> {
  // Counted as a failure until it succeeds: checked attempts can never outrun the limits.
  await countLoginAttempt(db, ip, input.email);
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(
    user?.passwordHash ?? (await decoyPasswordHash()),
    input.password,
  );
  if (!user || !ok || user.disabled) {
    throw new DomainError("unauthenticated", BAD_CREDENTIALS);
  }
  await noteLoginSuccess(db, ip, input.email);
  if (previousToken) await revokeAuthSession(db, hashSessionToken(previousToken));
  const token = newSessionToken();
  await insertAuthSession(db, {
    tokenHash: hashSessionToken(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_SECONDS * 1000).toISOString(),
  });
  const { id, email, displayName, role, subdivisionId } = user;
  return { me: { id, email, displayName, role, subdivisionId }, token };
}

export const logOut = (db: Database, token: string) =>
  revokeAuthSession(db, hashSessionToken(token));

/** The person behind a session cookie, or null; each use extends the idle lifetime. */
export async function resolveActor(db: Database, token: string | null): Promise<Actor | null> {
  if (!token) return null;
  const idleSince = new Date(Date.now() - SESSION_IDLE_SECONDS * 1000).toISOString();
  const found = await findLiveAuthSession(db, hashSessionToken(token), idleSince);
  if (!found) return null;
  // The idle lifetime counts in hours: one write a minute is precise enough, and saves a write
  // on every request (a check-in desk sends many).
  if (Date.now() - Date.parse(found.session.lastSeenAt) > TOUCH_INTERVAL_MS) {
    await touchAuthSession(db, found.session.id);
  }
  const { id, email, displayName, role, subdivisionId } = found.user;
  return { id, email, displayName, role, subdivisionId, authSessionId: found.session.id };
}

import { insertAuthSession, revokeAuthSession } from "@tribune/db/repos/auth-sessions";
import { findUserByEmail } from "@tribune/db/repos/users";
import { decideLogin, type LoginInput, type Me } from "@tribune/domain/auth";
import { enforce } from "@tribune/domain/kernel";
import { decoyPasswordHash, verifyPassword } from "../../auth/passwords";
import { sessionsEnded } from "../../auth/session";
import { countLoginAttempt, noteLoginSuccess } from "../../auth/throttle";
import { hashSessionToken, newSessionToken, SESSION_ABSOLUTE_SECONDS } from "../../auth/tokens";
import type { ServiceContext } from "../kit";

/** Where a login comes from: the client's address (throttling) and the session it replaces. */
export interface LoginOrigin {
  clientIp: string;
  /** The caller's current session token, revoked by the login: tokens rotate at every login. */
  previousToken: string | null;
}

/**
 * Checks the credentials (`decideLogin`) and opens a new login session, answering who signed in
 * and the session's token. Not one transaction: a refused attempt must stay counted.
 */
export async function logIn(
  ctx: ServiceContext,
  input: LoginInput,
  { clientIp, previousToken }: LoginOrigin,
): Promise<{ me: Me; token: string }> {
  // Counted as a failure until it succeeds: checked attempts can never outrun the limits.
  await countLoginAttempt(ctx.db, clientIp, input.email);
  const user = await findUserByEmail(ctx.db, input.email);
  const matches = await verifyPassword(
    user?.passwordHash ?? (await decoyPasswordHash()),
    input.password,
  );
  enforce(decideLogin(user, matches));
  const { id, email, displayName, role, subdivisionId } = user as NonNullable<typeof user>;
  await noteLoginSuccess(ctx.db, clientIp, input.email);
  if (previousToken) await revokeAuthSession(ctx.db, hashSessionToken(previousToken));
  if (previousToken && ctx.actor) await sessionsEnded(ctx, ctx.actor.id);
  const token = newSessionToken();
  await insertAuthSession(ctx.db, {
    tokenHash: hashSessionToken(token),
    userId: id,
    // Real time, as the database checks it (not the services' clock).
    expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_SECONDS * 1000).toISOString(),
  });
  return { me: { id, email, displayName, role, subdivisionId }, token };
}

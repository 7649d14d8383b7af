import { revokeAuthSession } from "@tribune/db/repos/auth-sessions";
import { sessionsEnded } from "../../auth/session";
import { hashSessionToken } from "../../auth/tokens";
import type { ServiceContext } from "../kit";

/** Ends the login session of a token, if there is one. */
export async function logOut(ctx: ServiceContext, token: string | null): Promise<{ ok: true }> {
  if (token) await revokeAuthSession(ctx.db, hashSessionToken(token));
  // No instance may keep serving the session from its cache of actors.
  if (token && ctx.actor) await sessionsEnded(ctx, ctx.actor.id);
  return { ok: true };
}

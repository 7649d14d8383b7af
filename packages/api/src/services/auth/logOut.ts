import { revokeAuthSession } from "@tribune/db";
import { hashSessionToken } from "../../auth/tokens";
import type { ServiceContext } from "../kit";

/** Ends the login session of a token, if there is one. */
export async function logOut(ctx: ServiceContext, token: string | null): Promise<{ ok: true }> {
  if (token) await revokeAuthSession(ctx.db, hashSessionToken(token));
  return { ok: true };
}

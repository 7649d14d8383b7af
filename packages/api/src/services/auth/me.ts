import type { Me } from "@tribune/domain/auth";
import type { ServiceContext } from "../kit";

/** Who is signed in, or null. */
export function whoAmI(ctx: ServiceContext): Me | null {
  if (!ctx.actor) return null;
  const { authSessionId: _session, ...me } = ctx.actor;
  return me;
}

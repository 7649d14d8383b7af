import type { Executor } from "@tribune/db";
import { findSignupSession, lockSessionPlaces } from "@tribune/db/repos/signups";
import { needsSignup, type SessionSignup } from "@tribune/domain/union";
import type { Effects, ServiceContext } from "../kit";
import { mailSignup } from "../mail/compose";
import { giveFreedPlaces } from "./places";

/**
 * After a session was changed in `tx` (capacity override, rooms, kind, a room's capacity): if it
 * takes sign-ups and now has free places, the people waiting get them, audited, and each is
 * told by e-mail (the outbox), in the same transaction.
 */
export async function fillPlaces(
  ctx: ServiceContext,
  tx: Executor,
  effects: Effects,
  sessionId: string,
): Promise<SessionSignup[]> {
  const session = await findSignupSession(tx, sessionId);
  if (!session || !needsSignup(session.kind)) return [];
  const { capacity } = await lockSessionPlaces(tx, session);
  if (capacity === null) return [];
  const promoted = await giveFreedPlaces(tx, effects, session, capacity);
  for (const signup of promoted) await mailSignup(ctx, tx, effects, signup, session, "promoted");
  return promoted;
}

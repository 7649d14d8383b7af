import { type Executor, findSignupSession, lockSessionPlaces } from "@tribune/db";
import { needsSignup, type SessionSignup } from "@tribune/domain";
import type { Effects } from "../kit";
import { giveFreedPlaces } from "./places";

/**
 * After a session was changed in `tx` (capacity override, rooms, kind): if it takes sign-ups
 * and now has free places, the people waiting get them, audited, in the same transaction.
 */
export async function fillPlaces(
  tx: Executor,
  effects: Pick<Effects, "audit">,
  sessionId: string,
): Promise<SessionSignup[]> {
  const session = await findSignupSession(tx, sessionId);
  if (!session || !needsSignup(session.kind)) return [];
  const { capacity } = await lockSessionPlaces(tx, session);
  return capacity === null ? [] : giveFreedPlaces(tx, effects, session, capacity);
}

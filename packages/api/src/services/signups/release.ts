import type { Executor } from "@tribune/db";
import { activeSignupSessionIds, findSignupSession } from "@tribune/db/repos/signups";
import type { Effects } from "../kit";
import { type Leave, leaveIn } from "./places";

/**
 * Frees every workshop place of a person whose congress registration is being cancelled, in
 * the cancellation's own transaction (which already holds the sessions' locks, taken before
 * the person's: see lockForCancellation), audited, promoting the people waiting. Returns what
 * changed, session by session.
 */
export async function releaseSignupsOf(
  tx: Executor,
  effects: Pick<Effects, "audit">,
  registrationId: string,
): Promise<Leave[]> {
  const left: Leave[] = [];
  for (const sessionId of await activeSignupSessionIds(tx, registrationId)) {
    const session = await findSignupSession(tx, sessionId);
    if (session) left.push(await leaveIn(tx, effects, session, registrationId));
  }
  return left;
}

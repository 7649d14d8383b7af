import type { Executor } from "@tribune/db";
import { decideSessionReferences, enforce, type Session } from "@tribune/domain";
import { knownReferences } from "./services/schedule/load";

/** Moved to services/schedule/load.ts; kept for the press-kit router, which still imports it here. */
export { loadSchedule } from "./services/schedule/load";

/** Refuses a session naming rooms of another edition, or unknown speakers or partner. */
export async function assertReferencesExist(
  db: Executor,
  session: Omit<Session, "id">,
): Promise<void> {
  enforce(decideSessionReferences(session, await knownReferences(db, session.editionId)));
}

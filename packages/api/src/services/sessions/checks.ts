import type { Executor } from "@tribune/db";
import {
  decideSessionDates,
  decideSessionReferences,
  type Edition,
  type SavedSession,
  type Session,
  sessionConflicts,
} from "@tribune/domain/congress";
import { enforce } from "@tribune/domain/kernel";
import { knownReferences, loadSchedule } from "../schedule/load";

/**
 * What every saved session goes through, in the caller's transaction: within its edition's days
 * (`decideSessionDates`), naming rooms of its edition and speakers and a partner on record
 * (`decideSessionReferences`).
 */
export async function enforceSessionRules(
  tx: Executor,
  session: Omit<Session, "id">,
  edition: Pick<Edition, "firstDay" | "lastDay" | "timeZone">,
): Promise<void> {
  enforce(decideSessionDates(session, edition));
  enforce(decideSessionReferences(session, await knownReferences(tx, session.editionId)));
}

/** A saved session with the conflicts it is part of: saved anyway, shown as warnings. */
export async function withConflicts(tx: Executor, session: Session): Promise<SavedSession> {
  return {
    session,
    conflicts: sessionConflicts(await loadSchedule(tx, session.editionId), session.id),
  };
}

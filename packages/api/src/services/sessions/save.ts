import { findSession, replaceSession } from "@tribune/db/repos/sessions";
import {
  assertValidSession,
  PROGRAMME_LABELS,
  type SavedSession,
  type Session,
} from "@tribune/domain/congress";
import { found } from "../../found";
import { assertEditionWritable } from "../editions/writable";
import { change, type ServiceContext } from "../kit";
import { fillPlaces } from "../signups/fill-places";
import { enforceSessionRules, withConflicts } from "./checks";

/**
 * Applies a change to a stored session (update, move): the merged result is checked as a new
 * one would be, saved and audited in one transaction; more places (an override, other rooms)
 * go to the people waiting on its sign-up list at once. Answers it with its conflicts.
 */
export function saveChangedSession(
  ctx: ServiceContext,
  id: string,
  action: "update" | "move",
  merge: (before: Session) => Session,
): Promise<SavedSession> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findSession(tx, id), PROGRAMME_LABELS.session);
    const edition = await assertEditionWritable(tx, before.editionId);
    const next = merge(before);
    assertValidSession(next);
    await enforceSessionRules(tx, next, edition);
    const session = await replaceSession(tx, next);
    await effects.audit({ entity: "session", entityId: id, action, before, after: session });
    await fillPlaces(ctx, tx, effects, id);
    effects.publish({ type: "programme.changed", editionId: session.editionId });
    return withConflicts(tx, session);
  });
}

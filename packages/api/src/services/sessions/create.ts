import { insertSession } from "@tribune/db/repos/sessions";
import type { SavedSession, SessionInput } from "@tribune/domain/congress";
import { assertEditionWritable } from "../editions/writable";
import { change, type ServiceContext } from "../kit";
import { enforceSessionRules, withConflicts } from "./checks";

/**
 * Adds a session to an edition that is not archived, audited; programme readers reload.
 * Answers it with the conflicts it is part of (warnings: it is saved anyway).
 */
export function createSession(ctx: ServiceContext, input: SessionInput): Promise<SavedSession> {
  return change(ctx, async (tx, effects) => {
    const edition = await assertEditionWritable(tx, input.editionId);
    await enforceSessionRules(tx, input, edition);
    const session = await insertSession(tx, input);
    await effects.audit({
      entity: "session",
      entityId: session.id,
      action: "create",
      after: session,
    });
    effects.publish({ type: "programme.changed", editionId: session.editionId });
    return withConflicts(tx, session);
  });
}

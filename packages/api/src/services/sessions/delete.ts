import { findSession, deleteSession as removeSession } from "@tribune/db/repos/sessions";
import { PROGRAMME_LABELS, type SessionRef } from "@tribune/domain/congress";
import { found } from "../../found";
import { assertEditionWritable } from "../editions/writable";
import { change, type ServiceContext } from "../kit";

/** Deletes a session of an edition that is not archived, audited; programme readers reload. */
export function deleteSession(ctx: ServiceContext, { id }: SessionRef): Promise<SessionRef> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findSession(tx, id), PROGRAMME_LABELS.session);
    await assertEditionWritable(tx, before.editionId);
    await removeSession(tx, id);
    await effects.audit({ entity: "session", entityId: id, action: "delete", before });
    effects.publish({ type: "programme.changed", editionId: before.editionId });
    return { id };
  });
}

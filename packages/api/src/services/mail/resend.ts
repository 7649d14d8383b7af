import { findMessageById, requeueDeadMessage } from "@tribune/db/repos/outbox";
import { refusalError } from "@tribune/domain/kernel";
import { MAIL_REFUSALS } from "@tribune/domain/mail";
import { found } from "../../found";
import { change, clockOf, type ServiceContext } from "../kit";

/**
 * Gives a dead message a new round of attempts (the server's worker sends it within seconds),
 * audited with its kind, recipient and statuses: never its body.
 */
export async function resendDeadMessage(ctx: ServiceContext, id: string): Promise<void> {
  await change(ctx, async (tx, effects) => {
    const message = found(await findMessageById(tx, id), "Courriel");
    if (!(await requeueDeadMessage(tx, id, clockOf(ctx).now())))
      throw refusalError(MAIL_REFUSALS.notDead());
    const summary = { kind: message.kind, recipient: message.recipient };
    await effects.audit({
      entity: "mail",
      entityId: id,
      action: "update",
      before: { ...summary, status: message.status, attempts: message.attempts },
      after: { ...summary, status: "pending", attempts: 0 },
    });
  });
}

import { findMemberByEmail } from "@tribune/db/repos/members";
import { refusalError } from "@tribune/domain/kernel";
import { duplicateEmailRefusal } from "@tribune/domain/union";
import type { Actor } from "../../context";
import { isUniqueViolation } from "../../errors";
import { change, type ServiceContext } from "../kit";

/**
 * Runs a change that writes a member's address, and turns the database's refusal of an address
 * already used into the domain's (`duplicateEmailRefusal`): a representative learns nothing
 * about other subdivisions, and such an attempt is audited (one address per call, and each
 * call leaves a trace).
 */
export async function refusingDuplicateEmail<T>(
  ctx: ServiceContext & { actor: Actor },
  email: string | undefined,
  action: "create" | "update",
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const holder = email ? await findMemberByEmail(ctx.db, email) : null;
    const { refusal, auditHolder } = duplicateEmailRefusal(ctx.actor, email, holder);
    if (auditHolder) {
      await change(ctx, (_tx, effects) =>
        effects.audit({
          entity: "member",
          entityId: auditHolder.id,
          action,
          after: { refused: "email_used_elsewhere", email: auditHolder.email },
        }),
      );
    }
    throw refusalError(refusal);
  }
}

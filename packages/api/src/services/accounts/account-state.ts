import type { Executor } from "@tribune/db";
import { findSubdivision } from "@tribune/db/repos/subdivisions";
import { findUserByEmail, otherActiveAdmins } from "@tribune/db/repos/users";
import type { AuditAction } from "@tribune/domain/audit";
import {
  ACCOUNT_REFUSALS,
  type AccountState,
  decideAccountChange,
  type User,
} from "@tribune/domain/auth";
import { enforce, refusalError } from "@tribune/domain/kernel";
import { sessionsEnded } from "../../auth/session";
import { change, type ServiceContext } from "../kit";

/**
 * One change of an existing account (disable, enable, role), for each of those services: the
 * account is looked up, the domain decides (`decideAccountChange`), `apply` writes it, the
 * audit log gets before and after; once committed, every instance forgets the account's kept
 * actors, so the change applies to its very next request.
 */
export async function changeAccount(
  ctx: ServiceContext,
  email: string,
  action: AuditAction,
  nextOf: (account: AccountState) => AccountState,
  apply: (tx: Executor, account: User, next: AccountState) => Promise<void>,
): Promise<Pick<User, "id" | "email">> {
  const changed = await change(ctx, async (tx, effects) => {
    const account = await findUserByEmail(tx, email);
    if (!account) throw refusalError(ACCOUNT_REFUSALS.noAccount(email));
    const next = nextOf(account);
    const subdivisionExists =
      next.subdivisionId !== null && (await findSubdivision(tx, next.subdivisionId)) !== null;
    enforce(
      decideAccountChange(account, next, {
        actorId: ctx.actor?.id ?? null,
        otherActiveAdmins: await otherActiveAdmins(tx, account.id),
        subdivisionExists,
      }),
    );
    await apply(tx, account, next);
    const stateOf = ({ role, subdivisionId, disabled }: AccountState) => ({
      role,
      subdivisionId,
      disabled,
    });
    await effects.audit({
      entity: "user",
      entityId: account.id,
      action,
      before: stateOf(account),
      after: stateOf(next),
    });
    return { id: account.id, email: account.email };
  });
  await sessionsEnded(ctx, changed.id);
  return changed;
}

import { disableUser, findUserByEmail } from "@tribune/db";
import { ACCOUNT_REFUSALS, AccountByEmail, refusalError, type User } from "@tribune/domain";
import type { z } from "zod";
import { sessionsEnded } from "../../auth/session";
import { change, type ServiceContext } from "../kit";

/** Disables an account and ends its login sessions, audited. */
export async function disableAccount(
  ctx: ServiceContext,
  raw: z.input<typeof AccountByEmail>,
): Promise<Pick<User, "id" | "email">> {
  const { email } = AccountByEmail.parse(raw);
  const disabled = await change(ctx, async (tx, effects) => {
    const account = await findUserByEmail(tx, email);
    if (!account) throw refusalError(ACCOUNT_REFUSALS.noAccount(email));
    await disableUser(tx, account.id);
    await effects.audit({ entity: "user", entityId: account.id, action: "disable" });
    return { id: account.id, email: account.email };
  });
  // Its sessions end on every instance now, not when their kept actors expire.
  await sessionsEnded(ctx, disabled.id);
  return disabled;
}

import { disableUser } from "@tribune/db/repos/users";
import { AccountByEmail, type User } from "@tribune/domain/auth";
import type { z } from "zod";
import type { ServiceContext } from "../kit";
import { changeAccount } from "./account-state";

/**
 * Disables an account and ends its login sessions, audited. Never one's own account, never
 * the last active administrator (decideAccountChange).
 */
export function disableAccount(
  ctx: ServiceContext,
  raw: z.input<typeof AccountByEmail>,
): Promise<Pick<User, "id" | "email">> {
  const { email } = AccountByEmail.parse(raw);
  return changeAccount(
    ctx,
    email,
    "disable",
    (account) => ({ ...account, disabled: true }),
    (tx, account) => disableUser(tx, account.id),
  );
}

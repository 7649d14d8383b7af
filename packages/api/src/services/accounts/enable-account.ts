import { enableUser } from "@tribune/db/repos/users";
import { AccountByEmail, type User } from "@tribune/domain/auth";
import type { z } from "zod";
import type { ServiceContext } from "../kit";
import { changeAccount } from "./account-state";

/** Lets a disabled account sign in again, with the password it had; audited. */
export function enableAccount(
  ctx: ServiceContext,
  raw: z.input<typeof AccountByEmail>,
): Promise<Pick<User, "id" | "email">> {
  const { email } = AccountByEmail.parse(raw);
  return changeAccount(
    ctx,
    email,
    "enable",
    (account) => ({ ...account, disabled: false }),
    (tx, account) => enableUser(tx, account.id),
  );
}

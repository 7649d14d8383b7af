import { setUserRole } from "@tribune/db/repos/users";
import { AccountRoleInput, type User } from "@tribune/domain/auth";
import type { z } from "zod";
import type { ServiceContext } from "../kit";
import { changeAccount } from "./account-state";

/**
 * Gives an account another role (and a representative their subdivision), audited; its open
 * sessions carry the new role from their next request.
 */
export function setAccountRole(
  ctx: ServiceContext,
  raw: z.input<typeof AccountRoleInput>,
): Promise<Pick<User, "id" | "email">> {
  const { email, role, subdivisionId } = AccountRoleInput.parse(raw);
  return changeAccount(
    ctx,
    email,
    "update",
    (account) => ({ ...account, role, subdivisionId }),
    (tx, account, next) => setUserRole(tx, account.id, next.role, next.subdivisionId),
  );
}

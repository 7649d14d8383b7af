import { findUserByEmail } from "@tribune/db/repos/users";
import { ACCOUNT_REFUSALS, AccountByEmail } from "@tribune/domain/auth";
import { refusalError } from "@tribune/domain/kernel";
import type { z } from "zod";
import { change, type ServiceContext } from "../kit";
import { issueAccountLink } from "./account-links";

/**
 * A reset link for an admin locked out of every account (`tribune user reset-link`): the same
 * single-use link as a reset message's, valid an hour, answered instead of mailed; the older
 * reset links of the account stop working. Audited. Whoever runs the command line holds the
 * database already: it may name which accounts exist.
 */
export async function issueResetLink(
  ctx: ServiceContext,
  raw: z.input<typeof AccountByEmail>,
): Promise<{ email: string; url: string; expiresAt: string }> {
  const { email } = AccountByEmail.parse(raw);
  return change(ctx, async (tx, effects) => {
    const account = await findUserByEmail(tx, email);
    if (!account || account.disabled) throw refusalError(ACCOUNT_REFUSALS.noAccount(email));
    const link = await issueAccountLink(ctx, tx, account.id, "password_reset");
    await effects.audit({
      entity: "user",
      entityId: account.id,
      action: "set_password",
      after: { email, via: "reset_link_issued", expiresAt: link.expiresAt },
    });
    return { email, url: link.url, expiresAt: link.expiresAt };
  });
}

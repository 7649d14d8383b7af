import type { NewPasswordInput, PasswordChosen } from "@tribune/domain/auth";
import type { ServiceContext } from "../kit";
import { choosePasswordWithLink } from "./account-links";

/**
 * Sets a new password with a reset link: spends the link, voids the account's other links and
 * ends all its login sessions, audited (see choosePasswordWithLink).
 */
export async function resetPassword(
  ctx: ServiceContext,
  raw: NewPasswordInput,
): Promise<PasswordChosen> {
  const { email } = await choosePasswordWithLink(ctx, raw, "password_reset");
  return { email };
}

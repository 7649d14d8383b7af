import type { NewPasswordInput, PasswordChosen } from "@tribune/domain/auth";
import type { ServiceContext } from "../kit";
import { choosePasswordWithLink } from "./account-links";

/** An invited person chooses their first password with the invitation's link, audited. */
export async function acceptInvitation(
  ctx: ServiceContext,
  raw: NewPasswordInput,
): Promise<PasswordChosen> {
  const { email } = await choosePasswordWithLink(ctx, raw, "invitation");
  return { email };
}

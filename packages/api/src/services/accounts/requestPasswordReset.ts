import { findUserByEmail } from "@tribune/db";
import {
  PASSWORD_RESET_REQUESTED,
  PasswordResetRequest,
  type PasswordResetRequested,
} from "@tribune/domain";
import { countResetRequest } from "../../auth/throttle";
import { change, type ServiceContext } from "../kit";
import { mailAccountLink } from "./account-links";

/**
 * "Mot de passe oublié ?": queues a message with a reset link (valid an hour, the older ones
 * voided) for an enabled account, and nothing for any other address; the answer is the same
 * words whatever the address. Throttled in the login's table: too many requests from one client
 * address are refused like logins; past a few for one account, nothing more leaves for it.
 */
export async function requestPasswordReset(
  ctx: ServiceContext,
  raw: PasswordResetRequest,
  { clientIp }: { clientIp: string },
): Promise<PasswordResetRequested> {
  const { email } = PasswordResetRequest.parse(raw);
  const answer = { message: PASSWORD_RESET_REQUESTED };
  if (!(await countResetRequest(ctx.db, clientIp, email))) return answer;
  const account = await findUserByEmail(ctx.db, email);
  if (!account || account.disabled) return answer;
  await change(ctx, (tx, effects) => mailAccountLink(ctx, tx, effects, account, "password_reset"));
  return answer;
}

import { findUserByEmail } from "@tribune/db/repos/users";
import {
  PASSWORD_RESET_REQUESTED,
  PasswordResetRequest,
  type PasswordResetRequested,
} from "@tribune/domain/auth";
import { countResetRequest } from "../../auth/throttle";
import { change, type ServiceContext } from "../kit";
import { mailAccountLink } from "./account-links";

/**
 * The reset links being prepared after their answer left (see requestPasswordReset), one after
 * the other in the order they were asked for: of two quick requests, the second link is the one
 * that works, as when the work was done before the answer.
 */
let preparing: Promise<void> = Promise.resolve();

/**
 * "Mot de passe oublié ?": queues a message with a reset link (valid an hour, the older ones
 * voided) for an enabled account, and nothing for any other address; the answer is the same
 * words whatever the address. Throttled in the login's table: too many requests from one client
 * address are refused like logins; past a few for one account, nothing more leaves for it.
 *
 * The answer does not wait for the account: looking it up, issuing the link and rendering the
 * message (a transaction and a render only when the account exists) are done after it, so the
 * time it takes tells nobody whether the address has an account. What the answer waits for —
 * parsing and the throttle — is the same work for every address. The work uses the server's
 * database, which outlives the request; a failure is logged, never an unhandled rejection, and
 * a shutting-down server waits for it (`settlePasswordResets`) before closing the database.
 */
export async function requestPasswordReset(
  ctx: ServiceContext,
  raw: PasswordResetRequest,
  { clientIp }: { clientIp: string },
): Promise<PasswordResetRequested> {
  const { email } = PasswordResetRequest.parse(raw);
  const answer = { message: PASSWORD_RESET_REQUESTED };
  if (!(await countResetRequest(ctx.db, clientIp, email))) return answer;
  preparing = preparing
    .then(() => mailResetLink(ctx, email))
    .catch((error: unknown) =>
      console.error("Lien de réinitialisation du mot de passe non préparé :", error),
    );
  return answer;
}

async function mailResetLink(ctx: ServiceContext, email: string): Promise<void> {
  const account = await findUserByEmail(ctx.db, email);
  if (!account || account.disabled) return;
  await change(ctx, (tx, effects) => mailAccountLink(ctx, tx, effects, account, "password_reset"));
}

/**
 * Settles once every reset link asked for so far is queued (or its failure logged): a server
 * waits for it before closing its database, the tests before reading the outbox.
 */
export async function settlePasswordResets(): Promise<void> {
  let last: Promise<void>;
  do {
    last = preparing;
    await last;
  } while (last !== preparing);
}

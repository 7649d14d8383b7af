import type { Executor } from "@tribune/db";
import {
  insertAccountToken,
  lockAccountToken,
  spendAccountToken,
  voidAccountTokens,
} from "@tribune/db/repos/account-tokens";
import { revokeUserSessions, setUserPassword } from "@tribune/db/repos/users";
import {
  type AccountTokenPurpose,
  accountInvitationMail,
  accountTokenExpiry,
  decideAccountTokenUse,
  decideNewPassword,
  NewPasswordInput,
  type PasswordChosen,
  passwordResetMail,
  type Role,
} from "@tribune/domain/auth";
import { enforce } from "@tribune/domain/kernel";
import { ACCOUNT_PAGES } from "@tribune/domain/routes";
import { hashPassword, passwordWeakness } from "../../auth/passwords";
import { sessionsEnded } from "../../auth/session";
import { hashSessionToken, newSessionToken } from "../../auth/tokens";
import { change, clockOf, type Effects, type ServiceContext } from "../kit";
import { DEFAULT_PUBLIC_URL } from "../mail/compose";

/**
 * The single-use links of staff accounts (invitation, password reset), shared by the accounts'
 * use cases: a link carries 256 random bits; only their SHA-256 digest is stored (like a login
 * session's), so neither the table nor a backup holds a usable link. The message that carries
 * it is the only copy (see SECRET_BODY_MAIL_KINDS).
 */

const PAGE: Record<AccountTokenPurpose, string> = {
  invitation: ACCOUNT_PAGES.invitation,
  password_reset: ACCOUNT_PAGES.newPassword,
};

/** The link's full address under the server's public URL (TRIBUNE_PUBLIC_URL), any path kept. */
export function accountLinkUrl(
  publicUrl: string | undefined,
  purpose: AccountTokenPurpose,
  token: string,
): string {
  const url = new URL(`${(publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, "")}${PAGE[purpose]}`);
  url.searchParams.set("jeton", token);
  return url.toString();
}

export interface IssuedLink {
  tokenId: string;
  url: string;
  expiresAt: string;
}

/**
 * Issues a new link for an account, voiding its older unused links of the same purpose (only the
 * latest reset or invitation works), in the caller's transaction.
 */
export async function issueAccountLink(
  ctx: ServiceContext,
  tx: Executor,
  userId: string,
  purpose: AccountTokenPurpose,
): Promise<IssuedLink> {
  const now = clockOf(ctx).now();
  await voidAccountTokens(tx, userId, purpose, now.toISOString());
  const token = newSessionToken();
  const expiresAt = accountTokenExpiry(purpose, now).toISOString();
  const { id } = await insertAccountToken(tx, {
    tokenHash: hashSessionToken(token),
    userId,
    purpose,
    expiresAt,
  });
  return { tokenId: id, url: accountLinkUrl(ctx.publicUrl, purpose, token), expiresAt };
}

/** Issues a link and queues the message that carries it, in the caller's transaction. */
export async function mailAccountLink(
  ctx: ServiceContext,
  tx: Executor,
  effects: Pick<Effects, "mail">,
  account: { id: string; email: string; displayName: string; role: Role },
  purpose: AccountTokenPurpose,
): Promise<IssuedLink> {
  const link = await issueAccountLink(ctx, tx, account.id, purpose);
  const facts = { ...link, ...account };
  const content =
    purpose === "invitation" ? accountInvitationMail(facts) : passwordResetMail(facts);
  await effects.mail(content);
  return link;
}

/**
 * Sets an account's password with a link of `purpose`: the link must be usable
 * (`decideAccountTokenUse`: unknown, used, expired or disabled all read the same), the password
 * as hard to guess as a first one. It spends the link and voids the account's other links, and
 * revokes every login session of the account (on every instance, once committed), audited.
 */
export async function choosePasswordWithLink(
  ctx: ServiceContext,
  raw: unknown,
  purpose: AccountTokenPurpose,
): Promise<PasswordChosen & { userId: string }> {
  const input = NewPasswordInput.parse(raw);
  const chosen = await change(ctx, async (tx, effects) => {
    const now = clockOf(ctx).now();
    const token = await lockAccountToken(tx, hashSessionToken(input.token));
    enforce(decideAccountTokenUse(token, purpose, now));
    const link = token as NonNullable<typeof token>;
    const { email, displayName } = link.account;
    enforce(decideNewPassword(await passwordWeakness(input.password, [email, displayName])));
    await setUserPassword(tx, link.userId, await hashPassword(input.password));
    const at = now.toISOString();
    await spendAccountToken(tx, link.id, at);
    // Any other link of the account is void now: the password it would set is chosen.
    await voidAccountTokens(tx, link.userId, "password_reset", at);
    await voidAccountTokens(tx, link.userId, "invitation", at);
    await revokeUserSessions(tx, link.userId, at);
    await effects.audit({
      entity: "user",
      entityId: link.userId,
      action: "set_password",
      after: { email, via: purpose },
    });
    return { email, userId: link.userId };
  });
  // Every kept actor of the account is dropped on every instance, not when it expires.
  await sessionsEnded(ctx, chosen.userId);
  return chosen;
}

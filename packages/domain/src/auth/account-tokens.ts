import { z } from "zod";
import type { Decision, Refusal } from "../kernel/refusal";
import { Email, Password, User, UserInput } from "./account";
import { ACCOUNT_REFUSALS } from "./decisions";

/**
 * The single-use, expiring links of staff accounts (issue 15): an invitation to choose a first
 * password, and a password reset. The services draw the token and store only its digest; these
 * rules say how long a link lasts and whether one may be used.
 */

export const ACCOUNT_TOKEN_PURPOSES = ["invitation", "password_reset"] as const;
export const AccountTokenPurpose = z.enum(ACCOUNT_TOKEN_PURPOSES);
export type AccountTokenPurpose = z.infer<typeof AccountTokenPurpose>;

/** An invitation is valid a week: the time to read one's mail back from leave. */
export const INVITATION_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;
/** A reset link is valid an hour: it is asked for and used at once. */
export const PASSWORD_RESET_VALIDITY_MS = 60 * 60 * 1000;

export const ACCOUNT_TOKEN_VALIDITY_MS: Record<AccountTokenPurpose, number> = {
  invitation: INVITATION_VALIDITY_MS,
  password_reset: PASSWORD_RESET_VALIDITY_MS,
};

/** When a link issued `now` for `purpose` stops working. */
export const accountTokenExpiry = (purpose: AccountTokenPurpose, now: Date): Date =>
  new Date(now.getTime() + ACCOUNT_TOKEN_VALIDITY_MS[purpose]);

/** The refusals of account links, next to the accounts' (ACCOUNT_REFUSALS). */
export const ACCOUNT_TOKEN_REFUSALS = {
  /** Unknown, expired, already used, for another purpose, or its account disabled: never which. */
  unusableLink: (): Refusal => ({
    reason: "account_link_unusable",
    code: "invalid",
    message:
      "Ce lien n'est pas ou plus valable (il sert une seule fois, pendant une durée limitée). Demandez-en un nouveau.",
  }),
  /** Only an account that has not chosen its password yet has an invitation to resend. */
  invitationAccepted: (email: string): Refusal => ({
    reason: "invitation_already_accepted",
    code: "invalid",
    message: `Le compte ${email} a déjà choisi son mot de passe : il n'y a plus d'invitation à renvoyer.`,
  }),
  accountDisabled: (email: string): Refusal => ({
    reason: "account_disabled",
    code: "invalid",
    message: `Le compte ${email} est désactivé : aucune invitation ne lui est envoyée.`,
  }),
} as const;

/** A stored link as the decision sees it (its account's state included). */
export interface AccountTokenFacts {
  purpose: AccountTokenPurpose;
  expiresAt: string;
  usedAt: string | null;
  account: { disabled: boolean };
}

/**
 * Whether a link may be used now for `purpose`: it exists, is for that purpose, has not been
 * used (nor voided by a newer one), has not expired, and its account is enabled. Every "no" is
 * the same refusal, so that a link tells nothing about why it failed or whose it was.
 */
export function decideAccountTokenUse(
  token: AccountTokenFacts | null,
  purpose: AccountTokenPurpose,
  now: Date,
): Decision {
  if (
    !token ||
    token.purpose !== purpose ||
    token.usedAt !== null ||
    Date.parse(token.expiresAt) <= now.getTime() ||
    token.account.disabled
  )
    return { ok: false, refusal: ACCOUNT_TOKEN_REFUSALS.unusableLink() };
  return { ok: true };
}

/** A new password is held to the same policy as an account's first one. */
export function decideNewPassword(weakPassword: { why: string | null } | null): Decision {
  if (weakPassword) return { ok: false, refusal: ACCOUNT_REFUSALS.weakPassword(weakPassword.why) };
  return { ok: true };
}

/** Whether an invitation may be sent again: to an enabled account still without password. */
export function decideInvitationResend(
  email: string,
  account: { disabled: boolean; hasPassword: boolean } | null,
): Decision {
  if (!account) return { ok: false, refusal: ACCOUNT_REFUSALS.noAccount(email) };
  if (account.disabled)
    return { ok: false, refusal: ACCOUNT_TOKEN_REFUSALS.accountDisabled(email) };
  if (account.hasPassword)
    return { ok: false, refusal: ACCOUNT_TOKEN_REFUSALS.invitationAccepted(email) };
  return { ok: true };
}

/** The token a link carries: 256 random bits, URL-safe base64 (43 characters). */
export const AccountToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: "Ce lien est incomplet : copiez-le en entier." });

/** "Mot de passe oublié ?": an address, nothing else. */
export const PasswordResetRequest = z.object({ email: Email });
export type PasswordResetRequest = z.input<typeof PasswordResetRequest>;

/** Choosing a password with a link (a reset, or an invitation's first password). */
export const NewPasswordInput = z.object({ token: AccountToken, password: Password });
export type NewPasswordInput = z.input<typeof NewPasswordInput>;

/** An admin invites a staff member: an account without password, and a message with the link. */
export const InvitationInput = UserInput.omit({ password: true });
export type InvitationInput = z.input<typeof InvitationInput>;

/** What a reset request answers, whatever the address: the same words for everyone. */
export const PASSWORD_RESET_REQUESTED =
  "Si un compte actif correspond à cette adresse, un courriel vient de lui être envoyé avec un lien valable une heure. Pensez à regarder dans les indésirables.";
export const PasswordResetRequested = z.object({ message: z.string() });
export type PasswordResetRequested = z.infer<typeof PasswordResetRequested>;

/** What choosing a password with a link answers: the address to sign in with. */
export const PasswordChosen = z.object({ email: z.string() });
export type PasswordChosen = z.infer<typeof PasswordChosen>;

/** An account as the accounts page lists it: does it still await its invited owner? */
export const AccountListing = User.extend({ invitationPending: z.boolean() });
export type AccountListing = z.infer<typeof AccountListing>;

import { z } from "zod";
import type { Decision, Refusal } from "../kernel/refusal";
import { Email, type UserInput } from "./account";

/**
 * The rules of accounts and logins, as pure decisions: services work out the facts (how strong
 * a password is, whether the subdivision exists, whether the address has an account, whether
 * the password matched), call these, and act on the answer.
 */

/** Every refusal of accounts and logins, by stable reason, with its French wording. */
export const ACCOUNT_REFUSALS = {
  /** `why`: what the strength estimator says is wrong, as the middle of a French sentence. */
  weakPassword: (why: string | null): Refusal => {
    const message = `Mot de passe trop facile à deviner : ${
      why ?? "allongez-le ou mêlez des mots peu courants"
    }.`;
    return {
      reason: "weak_password",
      code: "invalid",
      message,
      fieldErrors: { password: [message] },
    };
  },
  representativeWithoutSubdivision: (): Refusal => ({
    reason: "representative_without_subdivision",
    code: "invalid",
    message: "Un·e représentant·e doit être rattaché·e à une subdivision existante.",
  }),
  subdivisionForRepresentativesOnly: (): Refusal => ({
    reason: "subdivision_for_representatives_only",
    code: "invalid",
    message: "Seul·e un·e représentant·e est rattaché·e à une subdivision.",
  }),
  accountExists: (email: string): Refusal => ({
    reason: "account_exists",
    code: "already_exists",
    message: `Un compte existe déjà pour ${email}.`,
  }),
  noAccount: (email: string): Refusal => ({
    reason: "no_account",
    code: "not_found",
    message: `Aucun compte pour ${email}.`,
  }),
  /** Unknown address, wrong password or disabled account: a wrong login says which of them never. */
  badCredentials: (): Refusal => ({
    reason: "bad_credentials",
    code: "unauthenticated",
    message: "Adresse e-mail ou mot de passe incorrect.",
  }),
  tooManyAttempts: (): Refusal => ({
    reason: "too_many_attempts",
    code: "rate_limited",
    message: "Trop de tentatives de connexion. Réessayez dans quelques minutes.",
  }),
} as const;

/** What creating an account depends on besides its input. */
export interface AccountFacts {
  /** Why the password is too easy to guess (see ACCOUNT_REFUSALS.weakPassword), or null. */
  weakPassword: { why: string | null } | null;
  /** Whether the subdivision the input names (if any) exists. */
  subdivisionExists: boolean;
  /** Whether the address already has an account. */
  emailTaken: boolean;
}

/**
 * Whether an account may be created: its password must be hard to guess; a representative acts
 * for one existing subdivision and nobody else is tied to one; one account per address.
 */
export function decideAccountCreation(
  input: Pick<UserInput, "email" | "role" | "subdivisionId">,
  facts: AccountFacts,
): Decision {
  if (facts.weakPassword)
    return { ok: false, refusal: ACCOUNT_REFUSALS.weakPassword(facts.weakPassword.why) };
  if (input.role === "representative") {
    if (!input.subdivisionId || !facts.subdivisionExists)
      return { ok: false, refusal: ACCOUNT_REFUSALS.representativeWithoutSubdivision() };
  } else if (input.subdivisionId) {
    return { ok: false, refusal: ACCOUNT_REFUSALS.subdivisionForRepresentativesOnly() };
  }
  if (facts.emailTaken) return { ok: false, refusal: ACCOUNT_REFUSALS.accountExists(input.email) };
  return { ok: true };
}

/**
 * Whether a login succeeds: an account that exists, is enabled, and whose password matched.
 * Every failure is the same refusal, so that it tells nothing about which accounts exist.
 */
export function decideLogin(
  account: { disabled: boolean } | null,
  passwordMatches: boolean,
): Decision {
  if (!account || !passwordMatches || account.disabled)
    return { ok: false, refusal: ACCOUNT_REFUSALS.badCredentials() };
  return { ok: true };
}

/** An account, by its address (the command line disables accounts so). */
export const AccountByEmail = z.object({ email: Email });
export type AccountByEmail = z.input<typeof AccountByEmail>;

/** What a logout answers. */
export const LogoutResult = z.object({ ok: z.literal(true) });
export type LogoutResult = z.infer<typeof LogoutResult>;

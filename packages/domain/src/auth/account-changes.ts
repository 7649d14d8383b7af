import { z } from "zod";
import type { Decision, Refusal } from "../kernel/refusal";
import { Email, User } from "./account";
import { decideAccountCreation } from "./decisions";
import { Role } from "./roles";

/**
 * What an administrator changes on an existing account: its role (and, for a representative,
 * its subdivision), or whether it may sign in at all. The rules keep the platform run by
 * somebody: nobody locks themselves out, and the last active administrator stays one.
 */

/** A new role for an account (a representative names the subdivision it acts for). */
export const AccountRoleInput = z.object({
  email: Email,
  role: Role,
  subdivisionId: z.uuid().nullable().default(null),
});
export type AccountRoleInput = z.input<typeof AccountRoleInput>;

/** Which account a change was made to (what the change procedures answer). */
export const ChangedAccount = User.pick({ id: true, email: true });
export type ChangedAccount = z.infer<typeof ChangedAccount>;

/** The account as it is, and as it would be after the change. */
export interface AccountState {
  id: string;
  role: Role;
  subdivisionId: string | null;
  disabled: boolean;
}

/** What an account change depends on besides the accounts themselves. */
export interface AccountChangeFacts {
  /** Who asks: null for the command line (an operator with the server's shell). */
  actorId: string | null;
  /** Active administrators other than the changed account. */
  otherActiveAdmins: number;
  /** Whether the subdivision the new state names (if any) exists. */
  subdivisionExists: boolean;
}

export const ACCOUNT_CHANGE_REFUSALS = {
  ownAccount: (): Refusal => ({
    reason: "own_account",
    code: "forbidden",
    message:
      "Vous ne pouvez ni désactiver votre propre compte ni lui retirer l'administration : demandez-le à un·e autre administrateur·rice.",
  }),
  lastAdmin: (): Refusal => ({
    reason: "last_admin",
    code: "forbidden",
    message:
      "C'est le dernier compte d'administration actif : nommez d'abord un·e autre administrateur·rice.",
  }),
  unchanged: (): Refusal => ({
    reason: "account_unchanged",
    code: "invalid",
    message: "Le compte est déjà dans cet état.",
  }),
} as const;

const isActiveAdmin = (account: Pick<AccountState, "role" | "disabled">) =>
  account.role === "admin" && !account.disabled;

/**
 * Whether `account` may become `next`: a representative acts for one existing subdivision and
 * nobody else is tied to one; an administrator never disables or demotes themselves; the last
 * active administrator is neither disabled nor demoted; a change must change something.
 */
export function decideAccountChange(
  account: AccountState,
  next: AccountState,
  facts: AccountChangeFacts,
): Decision {
  if (
    account.role === next.role &&
    account.subdivisionId === next.subdivisionId &&
    account.disabled === next.disabled
  )
    return { ok: false, refusal: ACCOUNT_CHANGE_REFUSALS.unchanged() };
  const tie = decideAccountCreation(
    { email: "", role: next.role, subdivisionId: next.subdivisionId },
    { weakPassword: null, subdivisionExists: facts.subdivisionExists, emailTaken: false },
  );
  if (!tie.ok) return tie;
  const losesAdmin = isActiveAdmin(account) && !isActiveAdmin(next);
  if (losesAdmin && account.id === facts.actorId)
    return { ok: false, refusal: ACCOUNT_CHANGE_REFUSALS.ownAccount() };
  if (losesAdmin && facts.otherActiveAdmins === 0)
    return { ok: false, refusal: ACCOUNT_CHANGE_REFUSALS.lastAdmin() };
  if (next.disabled && account.id === facts.actorId)
    return { ok: false, refusal: ACCOUNT_CHANGE_REFUSALS.ownAccount() };
  return { ok: true };
}

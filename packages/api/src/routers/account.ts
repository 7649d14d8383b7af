import {
  AccountByEmail,
  AccountListing,
  AccountRoleInput,
  ChangedAccount,
  InvitationInput,
} from "@tribune/domain/auth";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { disableAccount } from "../services/accounts/disable-account";
import { enableAccount } from "../services/accounts/enable-account";
import { inviteAccount } from "../services/accounts/invite-account";
import { listAccounts } from "../services/accounts/list-accounts";
import { resendInvitation } from "../services/accounts/resend-invitation";
import { setAccountRole } from "../services/accounts/set-account-role";
import { procedureFor } from "../trpc";

const admin = procedureFor("admin");

/**
 * Staff accounts, for administrators: the list, an invitation, an invitation sent again, and
 * changes to an account (disable, enable, role).
 */
export const accountRouter = {
  list: admin.output(z.array(AccountListing)).query(({ ctx }) => listAccounts(ctx)),

  /** Opens an account without password and e-mails its owner a link to choose one (7 days). */
  invite: admin
    .input(InvitationInput)
    .output(AccountListing)
    .mutation(({ ctx, input }) => inviteAccount(ctx, input)),

  /** A new invitation link for an account still without password; the older link stops working. */
  resendInvitation: admin
    .input(AccountByEmail)
    .output(z.object({ email: z.string(), expiresAt: z.string() }))
    .mutation(({ ctx, input }) => resendInvitation(ctx, input)),

  /** Ends the account's sessions; it cannot sign in until enabled again. */
  disable: admin
    .input(AccountByEmail)
    .output(ChangedAccount)
    .mutation(({ ctx, input }) => disableAccount(ctx, input)),

  enable: admin
    .input(AccountByEmail)
    .output(ChangedAccount)
    .mutation(({ ctx, input }) => enableAccount(ctx, input)),

  /** Another role (a representative with their subdivision), from the account's next request. */
  setRole: admin
    .input(AccountRoleInput)
    .output(ChangedAccount)
    .mutation(({ ctx, input }) => setAccountRole(ctx, input)),
} satisfies TRPCRouterRecord;

import { AccountByEmail, AccountListing, InvitationInput } from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { inviteAccount } from "../services/accounts/inviteAccount";
import { listAccounts } from "../services/accounts/listAccounts";
import { resendInvitation } from "../services/accounts/resendInvitation";
import { procedureFor } from "../trpc";

const admin = procedureFor("admin");

/** Staff accounts, for administrators: the list, an invitation, an invitation sent again. */
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
} satisfies TRPCRouterRecord;

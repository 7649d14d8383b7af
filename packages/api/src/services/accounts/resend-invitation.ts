import { findUserByEmail } from "@tribune/db/repos/users";
import { AccountByEmail, decideInvitationResend } from "@tribune/domain/auth";
import { enforce } from "@tribune/domain/kernel";
import type { z } from "zod";
import { change, type ServiceContext } from "../kit";
import { mailAccountLink } from "./account-links";

/**
 * Sends an invitation again (a new link valid 7 days; the earlier ones stop working) to an
 * enabled account that has not chosen its password yet, audited.
 */
export async function resendInvitation(
  ctx: ServiceContext,
  raw: z.input<typeof AccountByEmail>,
): Promise<{ email: string; expiresAt: string }> {
  const { email } = AccountByEmail.parse(raw);
  return change(ctx, async (tx, effects) => {
    const account = await findUserByEmail(tx, email);
    enforce(
      decideInvitationResend(
        email,
        account && { disabled: account.disabled, hasPassword: account.passwordHash !== null },
      ),
    );
    const user = account as NonNullable<typeof account>;
    const link = await mailAccountLink(ctx, tx, effects, user, "invitation");
    await effects.audit({
      entity: "user",
      entityId: user.id,
      action: "invite",
      after: { email: user.email, expiresAt: link.expiresAt, resent: true },
    });
    return { email: user.email, expiresAt: link.expiresAt };
  });
}

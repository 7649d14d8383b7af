import { findSubdivision } from "@tribune/db/repos/subdivisions";
import { findUserByEmail, insertUser } from "@tribune/db/repos/users";
import { type AccountListing, decideAccountCreation, InvitationInput } from "@tribune/domain/auth";
import { enforce } from "@tribune/domain/kernel";
import { change, type ServiceContext } from "../kit";
import { mailAccountLink } from "./account-links";

/**
 * Opens a staff account without a password and queues the invitation that lets its owner choose
 * one (a link valid 7 days), audited; the account cannot sign in until then. The rules are
 * those of an account's creation (`decideAccountCreation`), the password aside.
 */
export async function inviteAccount(ctx: ServiceContext, raw: unknown): Promise<AccountListing> {
  const input = InvitationInput.parse(raw);
  const subdivisionExists =
    input.role === "representative" && input.subdivisionId !== null
      ? (await findSubdivision(ctx.db, input.subdivisionId)) !== null
      : false;
  const emailTaken = (await findUserByEmail(ctx.db, input.email)) !== null;
  enforce(decideAccountCreation(input, { weakPassword: null, subdivisionExists, emailTaken }));
  return change(ctx, async (tx, effects) => {
    const user = await insertUser(tx, { ...input, passwordHash: null });
    await effects.audit({ entity: "user", entityId: user.id, action: "create", after: user });
    const link = await mailAccountLink(ctx, tx, effects, user, "invitation");
    await effects.audit({
      entity: "user",
      entityId: user.id,
      action: "invite",
      after: { email: user.email, expiresAt: link.expiresAt },
    });
    return { ...user, invitationPending: true };
  });
}

/** The accounts' use cases, as the command line calls them (`accountServices` in @tribune/api). */
export { acceptInvitation } from "./accept-invitation";
export { createAccount } from "./create-account";
export { disableAccount } from "./disable-account";
export { enableAccount } from "./enable-account";
export { inviteAccount } from "./invite-account";
export { issueResetLink } from "./issue-reset-link";
export { listAccounts } from "./list-accounts";
export { requestPasswordReset, settlePasswordResets } from "./request-password-reset";
export { resendInvitation } from "./resend-invitation";
export { resetPassword } from "./reset-password";
export { setAccountRole } from "./set-account-role";

/** The accounts' use cases, as the command line calls them (`accountServices` in @tribune/api). */
export { acceptInvitation } from "./acceptInvitation";
export { createAccount } from "./createAccount";
export { disableAccount } from "./disableAccount";
export { enableAccount } from "./enable-account";
export { inviteAccount } from "./inviteAccount";
export { issueResetLink } from "./issueResetLink";
export { listAccounts } from "./listAccounts";
export { requestPasswordReset, settlePasswordResets } from "./requestPasswordReset";
export { resendInvitation } from "./resendInvitation";
export { resetPassword } from "./resetPassword";
export { setAccountRole } from "./set-account-role";

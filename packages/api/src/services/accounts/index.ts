/** The accounts' use cases, as the command line calls them (`accountServices` in @tribune/api). */
export { createAccount } from "./createAccount";
export { disableAccount } from "./disableAccount";
export { listAccounts } from "./listAccounts";

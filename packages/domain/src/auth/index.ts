/** Accounts, roles, sign-in and account links. */
export * from "./account";
export * from "./account-changes";
export * from "./account-mail";
export * from "./account-tokens";
export * from "./decisions";
export * from "./password-strength";
export * from "./roles";

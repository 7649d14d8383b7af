import { listUsersWithInvitations } from "@tribune/db/repos/users";
import type { AccountListing } from "@tribune/domain/auth";
import type { ServiceContext } from "../kit";

/** Every account, by role then address, with whether it still awaits its invited owner. */
export const listAccounts = (ctx: ServiceContext): Promise<AccountListing[]> =>
  listUsersWithInvitations(ctx.db);

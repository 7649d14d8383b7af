import { listUsers } from "@tribune/db";
import type { User } from "@tribune/domain";
import type { ServiceContext } from "../kit";

/** Every account, by role then address. */
export const listAccounts = (ctx: ServiceContext): Promise<User[]> => listUsers(ctx.db);

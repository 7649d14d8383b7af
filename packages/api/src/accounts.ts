import type { Database } from "@tribune/db";
import type { Actor as AuditActor } from "@tribune/db/repos/audit";
import type { User } from "@tribune/domain/auth";
import { createAccount as create } from "./services/accounts/create-account";

/**
 * services/accounts/createAccount for callers that hold a database only (the demo accounts,
 * tests), audited as `by` (SYSTEM for the system).
 */
export const createAccount = (db: Database, raw: unknown, by: AuditActor): Promise<User> =>
  create({ db, actor: null, auditAs: by }, raw);

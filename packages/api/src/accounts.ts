import type { Actor as AuditActor, Database } from "@tribune/db";
import type { User } from "@tribune/domain";
import { createAccount as create } from "./services/accounts/createAccount";

/**
 * services/accounts/createAccount for callers that hold a database only (the demo accounts,
 * tests), audited as `by` (SYSTEM for the system).
 */
export const createAccount = (db: Database, raw: unknown, by: AuditActor): Promise<User> =>
  create({ db, actor: null, auditAs: by }, raw);

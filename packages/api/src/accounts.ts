import {
  type Actor as AuditActor,
  type Database,
  findSubdivision,
  findUserByEmail,
  insertUser,
  recordAudit,
} from "@tribune/db";
import { DomainError, type User, UserInput } from "@tribune/domain";
import { assertStrongPassword, hashPassword } from "./auth/passwords";

/**
 * Creates an account (CLI, demo accounts, admin). The password must be hard to guess; it is
 * hashed, never stored.
 */
export async function createAccount(db: Database, raw: unknown, by: AuditActor): Promise<User> {
  const input = UserInput.parse(raw);
  await assertStrongPassword(input.password, [input.email, input.displayName]);
  // A representative acts for one subdivision; nobody else is tied to one.
  if (input.role === "representative") {
    if (!input.subdivisionId || !(await findSubdivision(db, input.subdivisionId))) {
      throw new DomainError(
        "invalid",
        "Un·e représentant·e doit être rattaché·e à une subdivision existante.",
      );
    }
  } else if (input.subdivisionId) {
    throw new DomainError(
      "invalid",
      "Seul·e un·e représentant·e est rattaché·e à une subdivision.",
    );
  }
  if (await findUserByEmail(db, input.email)) {
    throw new DomainError("already_exists", `Un compte existe déjà pour ${input.email}.`);
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, { ...input, passwordHash });
    await recordAudit(tx, by, { entity: "user", entityId: user.id, action: "create", after: user });
    return user;
  });
}

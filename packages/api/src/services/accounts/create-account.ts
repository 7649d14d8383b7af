import { findSubdivision } from "@tribune/db/repos/subdivisions";
import { findUserByEmail, insertUser } from "@tribune/db/repos/users";
import { decideAccountCreation, type User, UserInput } from "@tribune/domain/auth";
import { enforce } from "@tribune/domain/kernel";
import { hashPassword, passwordWeakness } from "../../auth/passwords";
import { change, type ServiceContext } from "../kit";

/**
 * Creates an account (command line, demo accounts, tests), audited. The input is checked here
 * (a ZodError with French messages), the rules are `decideAccountCreation`'s; the password is
 * hashed, never stored.
 */
export async function createAccount(ctx: ServiceContext, raw: unknown): Promise<User> {
  const input = UserInput.parse(raw);
  const weakPassword = await passwordWeakness(input.password, [input.email, input.displayName]);
  const subdivisionExists =
    input.role === "representative" && input.subdivisionId !== null
      ? (await findSubdivision(ctx.db, input.subdivisionId)) !== null
      : false;
  const emailTaken = (await findUserByEmail(ctx.db, input.email)) !== null;
  enforce(decideAccountCreation(input, { weakPassword, subdivisionExists, emailTaken }));
  const passwordHash = await hashPassword(input.password);
  return change(ctx, async (tx, effects) => {
    const user = await insertUser(tx, { ...input, passwordHash });
    await effects.audit({ entity: "user", entityId: user.id, action: "create", after: user });
    return user;
  });
}

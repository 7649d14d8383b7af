import { hash, verify } from "@node-rs/argon2";

/** argon2id at OWASP's minimum: 19 MiB, 2 iterations, 1 lane. (2 = Algorithm.Argon2id, a const enum.) */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2ID);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the account does not exist, so both paths take the same time. */
let decoyHash: Promise<string> | null = null;
export const decoyPasswordHash = () => {
  decoyHash ??= hashPassword("tribune-decoy-password");
  return decoyHash;
};

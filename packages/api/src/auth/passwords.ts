import { hash, verify } from "@node-rs/argon2";
import { PASSWORD_MIN_SCORE } from "@tribune/domain/auth";
import type { ZxcvbnResult } from "@zxcvbn-ts/core";

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

type Estimator = { check(password: string, userInputs?: (string | number)[]): ZxcvbnResult };
let estimator: Promise<Estimator> | null = null;

/** The estimator with French and common dictionaries, loaded on first use (about 0.5 s). */
function passwordEstimator(): Promise<Estimator> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, fr] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-fr"),
    ]);
    return new ZxcvbnFactory({
      translations: fr.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...fr.dictionary },
    });
  })();
  return estimator;
}

const sentence = (s: string) => {
  const trimmed = s.trim().replace(/[.\s]+$/, "");
  return `${trimmed.charAt(0).toLowerCase()}${trimmed.slice(1)}`;
};

/**
 * zxcvbn's score of a password (0 to 4) and its French feedback as a sentence, or null. The
 * site's name and what the account is known by (its address, its name) count as known to an
 * attacker.
 */
export async function scorePassword(
  password: string,
  knownAbout: readonly string[] = [],
): Promise<{ score: number; feedback: string | null }> {
  const known = ["tribune", "congres", "isnar", ...knownAbout];
  const result = (await passwordEstimator()).check(
    password,
    known.flatMap((s) => [s, ...s.split(/[^\p{L}\p{N}]+/u)]).filter((s) => s.length >= 3),
  );
  const why = result.feedback.warning ?? result.feedback.suggestions[0];
  return { score: result.score, feedback: why ? why.trim() : null };
}

/**
 * Whether a new password is too easy to guess, and why (the estimator's French feedback, as
 * the middle of a sentence; the domain's ACCOUNT_REFUSALS.weakPassword words the refusal), or
 * null when it is strong enough (PASSWORD_MIN_SCORE).
 */
export async function passwordWeakness(
  password: string,
  knownAbout: readonly string[] = [],
): Promise<{ why: string | null } | null> {
  const { score, feedback } = await scorePassword(password, knownAbout);
  if (score >= PASSWORD_MIN_SCORE) return null;
  return { why: feedback ? sentence(feedback) : null };
}

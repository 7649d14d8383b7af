import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "./account";

/**
 * How hard a password is to guess, as the page where someone chooses one shows it while they
 * type. The server scores it (zxcvbn, 0 to 4, with French and common dictionaries) and the
 * same rule accepts or refuses it when it is sent: at least PASSWORD_MIN_LENGTH characters and
 * a score of PASSWORD_MIN_SCORE.
 */

/** zxcvbn's scale: 0 (guessed at once) to 4; 3 resists an offline attack on a slow hash. */
export const PASSWORD_MIN_SCORE = 3;

/** What the page sends while someone types (never stored, never logged). */
export const PasswordStrengthInput = z.object({ password: z.string().max(256) });
export type PasswordStrengthInput = z.infer<typeof PasswordStrengthInput>;

export const PasswordStrength = z.object({
  score: z.int().min(0).max(4),
  /** Whether the password, sent as it is, would be accepted (the account's own address aside). */
  acceptable: z.boolean(),
  /** What to do about it, in French, or null when nothing is to be said. */
  advice: z.string().nullable(),
});
export type PasswordStrength = z.infer<typeof PasswordStrength>;

export const PASSWORD_STRENGTH_LABELS = [
  "Très faible",
  "Faible",
  "Moyen",
  "Solide",
  "Très solide",
] as const;

/** The verdict on a password of `length` characters that the estimator scored `score`. */
export function passwordStrength(
  length: number,
  score: number,
  /** The estimator's French feedback, as a sentence, or null. */
  feedback: string | null,
): PasswordStrength {
  const missing = PASSWORD_MIN_LENGTH - length;
  if (missing > 0)
    return {
      score: Math.min(score, 1),
      acceptable: false,
      advice: `Encore ${missing} caractère${missing > 1 ? "s" : ""} au moins.`,
    };
  const acceptable = score >= PASSWORD_MIN_SCORE;
  return {
    score,
    acceptable,
    advice: acceptable ? null : (feedback ?? "Allongez-le ou mêlez des mots peu courants."),
  };
}

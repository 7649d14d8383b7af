import {
  type PasswordStrength,
  PasswordStrengthInput,
  passwordStrength,
} from "@tribune/domain/auth";
import { scorePassword } from "../../auth/passwords";

/**
 * How hard a password being typed is to guess, for the page where someone chooses it: the
 * estimator's score and the domain's verdict (the same rule the choice itself is held to).
 * Nothing is stored or logged; the account's own address is checked when the choice is sent.
 */
export async function estimatePasswordStrength(raw: unknown): Promise<PasswordStrength> {
  const { password } = PasswordStrengthInput.parse(raw);
  const { score, feedback } = await scorePassword(password);
  return passwordStrength([...password].length, score, feedback);
}

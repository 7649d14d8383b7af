import type { Key } from "ink";
import { Box, Text } from "ink";
import { fit, wrapWords } from "../text";
import { theme } from "../theme";

export interface PasswordPromptProps {
  email: string;
  /** How many characters are typed so far (the password itself is never shown). */
  typed: number;
  /** Why the last try failed, as a sentence. */
  error: string | null;
  /** The password is being checked by the server. */
  checking: boolean;
  width: number;
}

/**
 * One key (or pasted chunk) of the password being typed: the new value, and the password to
 * submit when Enter came. The App's own key handler calls this, so that no key is lost while
 * the prompt appears.
 */
export function editPassword(
  value: string,
  input: string,
  key: Pick<Key, "return" | "escape" | "backspace" | "delete" | "ctrl" | "meta">,
): { value: string; submit: string | null } {
  const submit = (typed: string) => ({ value: "", submit: typed || null });
  if (key.return) return submit(value);
  if (key.escape) return { value: "", submit: null };
  if (key.backspace || key.delete) return { value: value.slice(0, -1), submit: null };
  if (!input || key.ctrl || key.meta) return { value, submit: null };
  // A pasted password, or keys coalesced over a slow link, may carry the Enter with them.
  const enter = /[\r\n]/.exec(input);
  if (enter) return submit(value + input.slice(0, enter.index));
  return { value: value + input, submit: null };
}

/** Asks for the password again when the session has expired, without leaving the dashboard. */
export function PasswordPrompt({ email, typed, error, checking, width }: PasswordPromptProps) {
  return (
    <Box flexDirection="column">
      <Text bold color={theme.warn}>
        {fit("Session expirée", width)}
      </Text>
      {wrapWords(
        "Le serveur ne reconnaît plus votre session (délai dépassé, ou déconnexion depuis un autre poste). Saisissez votre mot de passe pour reprendre le suivi en direct.",
        width,
      ).map((line) => (
        <Text key={line}>{line}</Text>
      ))}
      <Text> </Text>
      <Text>{fit(`Compte : ${email}`, width)}</Text>
      <Text>
        {checking
          ? fit("Vérification du mot de passe…", width)
          : fit(`Mot de passe : ${"•".repeat(typed)}▏`, width)}
      </Text>
      {error
        ? wrapWords(`✗ ${error}`, width).map((line) => (
            <Text key={line} color={theme.danger}>
              {line}
            </Text>
          ))
        : null}
    </Box>
  );
}

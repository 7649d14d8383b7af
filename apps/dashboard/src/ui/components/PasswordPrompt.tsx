import type { Key } from "ink";
import { Box, Text } from "ink";
import { fit } from "../text";
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
 * One key of the password being typed: the new value, and whether Enter submitted it.
 * The App's own key handler calls this, so no key is lost while the prompt appears.
 */
export function editPassword(
  value: string,
  input: string,
  key: Pick<Key, "return" | "escape" | "backspace" | "delete" | "ctrl" | "meta">,
): { value: string; submit: boolean } {
  if (key.return) return { value: "", submit: value.length > 0 };
  if (key.escape) return { value: "", submit: false };
  if (key.backspace || key.delete) return { value: value.slice(0, -1), submit: false };
  if (input && !key.ctrl && !key.meta) return { value: value + input, submit: false };
  return { value, submit: false };
}

/** Asks for the password again when the session has expired, without leaving the dashboard. */
export function PasswordPrompt({ email, typed, error, checking, width }: PasswordPromptProps) {
  return (
    <Box flexDirection="column">
      <Text bold color={theme.warn}>
        {fit("Session expirée", width)}
      </Text>
      <Box width={width}>
        <Text wrap="wrap">
          Le serveur ne reconnaît plus votre session (délai dépassé, ou déconnexion depuis un autre
          poste). Saisissez votre mot de passe pour reprendre le suivi en direct.
        </Text>
      </Box>
      <Text> </Text>
      <Text>{fit(`Compte : ${email}`, width)}</Text>
      <Text>
        {checking
          ? fit("Vérification du mot de passe…", width)
          : fit(`Mot de passe : ${"•".repeat(typed)}▏`, width)}
      </Text>
      {error ? <Text color={theme.danger}>{fit(`✗ ${error}`, width)}</Text> : null}
    </Box>
  );
}

import { Box, Text } from "ink";
import { SCREENS, type ScreenId } from "../screens";
import { fit } from "../text";
import { theme } from "../theme";

export interface HeaderProps {
  title: string;
  moment: string;
  /** "en ligne", "hors ligne depuis 10:42", or where signing in again stands. */
  status: { online: boolean; since: string | null; session?: "ok" | "renewing" | "expired" };
  screens: readonly { id: ScreenId; label: string }[];
  current: ScreenId;
  width: number;
}

/** Two lines: the edition and connection status, then the screens (the current one bracketed). */
export function Header({ title, moment, status, screens, current, width }: HeaderProps) {
  const statusText =
    status.session === "expired"
      ? "○ session expirée"
      : status.session === "renewing"
        ? "◌ reconnexion…"
        : status.online
          ? "● en ligne"
          : `○ hors ligne depuis ${status.since ?? "?"}`;
  const good = status.online && (status.session ?? "ok") === "ok";
  const left = fit(`${title} · ${moment}`, Math.max(0, width - statusText.length - 1));
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{left}</Text> <Text color={good ? theme.ok : theme.danger}>{statusText}</Text>
      </Text>
      <Text>
        {screens.map((s) => {
          const n = SCREENS.findIndex((x) => x.id === s.id) + 1;
          const active = s.id === current;
          return (
            <Text key={s.id} color={active ? theme.accent : undefined} bold={active}>
              {active ? `[${n} ${s.label}]` : ` ${n} ${s.label} `}{" "}
            </Text>
          );
        })}
      </Text>
    </Box>
  );
}

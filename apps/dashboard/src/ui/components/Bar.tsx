import { Text } from "ink";
import { theme } from "../theme";

/**
 * A horizontal bar: `█` for the part done (check-ins), `▒` for the rest of the total
 * (registrations), `·` for the empty scale; readable without colour.
 */
export function Bar({
  done,
  total,
  max,
  width,
}: {
  done: number;
  total: number;
  max: number;
  width: number;
}) {
  const scale = (n: number) => (max <= 0 ? 0 : Math.round((n / max) * width));
  const full = Math.min(width, scale(total));
  const doneCells = Math.min(full, scale(done));
  return (
    <Text>
      <Text color={theme.barCheckedIn}>{"█".repeat(doneCells)}</Text>
      <Text color={theme.bar}>{"▒".repeat(full - doneCells)}</Text>
      <Text color={theme.muted}>{"·".repeat(width - full)}</Text>
    </Text>
  );
}

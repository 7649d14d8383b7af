/**
 * Every colour of the dashboard. Colour only ever doubles a text mark (brackets, "!", "●"),
 * so that nothing is told by colour alone.
 */
export const theme = {
  accent: "cyan",
  muted: "gray",
  ok: "green",
  warn: "yellow",
  danger: "red",
  selected: { color: "black", backgroundColor: "cyan" },
  bar: "cyan",
  barCheckedIn: "green",
} as const;

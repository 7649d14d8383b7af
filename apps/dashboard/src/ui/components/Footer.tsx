import { Text } from "ink";
import { fit } from "../text";
import { theme } from "../theme";

/** The keys, always on the last line; `extra` holds the current screen's own keys. */
export function Footer({
  screens = 3,
  extra,
  filter,
  width,
}: {
  /** How many screens the number keys reach. */
  screens?: number;
  extra: string;
  filter: string | null;
  width: number;
}) {
  const text =
    filter !== null
      ? `Filtre : ${filter}▏  Entrée valider · Échap effacer`
      : `Tab/1-${screens} · ↑↓ jk · ${extra}/ filtre · ? aide · q quitter`;
  return <Text color={theme.muted}>{fit(text, width)}</Text>;
}

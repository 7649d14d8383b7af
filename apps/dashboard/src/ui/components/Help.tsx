import { Box, Text } from "ink";
import { theme } from "../theme";

const KEYS: [string, string][] = [
  ["1-5, Tab", "changer d'écran (Maj+Tab : précédent)"],
  ["↑ ↓, j k", "se déplacer"],
  ["← →, h l", "jour (Programme), enquête (Enquêtes)"],
  ["Entrée", "détails de la session (Programme)"],
  ["Échap", "revenir, fermer l'aide, effacer le filtre"],
  ["s", "changer le tri (Subdivisions)"],
  ["/", "filtrer (sessions, subdivisions, dossiers)"],
  ["?", "cette aide"],
  ["q", "quitter"],
];

/** The keys, in full. */
export function Help() {
  return (
    <Box flexDirection="column">
      <Text bold>Aide — touches</Text>
      {KEYS.map(([k, what]) => (
        <Text key={k}>
          <Text color={theme.accent}>{k.padEnd(12)}</Text> {what}
        </Text>
      ))}
      <Text color={theme.muted}>
        ! signale une session en conflit ; › la ligne choisie. Les compteurs et le programme se
        mettent à jour seuls ; « masqué » : trop peu de réponses pour être publié.
      </Text>
    </Box>
  );
}

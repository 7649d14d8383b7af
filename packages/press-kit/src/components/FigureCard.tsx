/** @jsxRuntime automatic @jsxImportSource react */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatNumber } from "@tribune/domain/format";
import { citationLine, formatFigure, type KeyFigure } from "@tribune/domain/press-kit";
import { SANS } from "../fonts";
import { colors } from "../theme";
import { fr } from "../typeset";

const styles = StyleSheet.create({
  card: {
    flex: 1,
    padding: 9,
    borderTopWidth: 3,
    borderTopColor: colors.coral,
    backgroundColor: colors.sand,
  },
  placeholderCard: {
    flex: 1,
    padding: 9,
    borderWidth: 1.2,
    borderStyle: "dashed",
    borderColor: colors.placeholderBorder,
    backgroundColor: colors.placeholderFill,
  },
  value: { fontFamily: SANS, fontWeight: 800, fontSize: 30, lineHeight: 1.05, color: colors.coral },
  placeholderValue: {
    fontFamily: SANS,
    fontWeight: 800,
    fontSize: 15,
    lineHeight: 1.1,
    color: colors.placeholderInk,
  },
  placeholderNote: {
    fontFamily: SANS,
    fontWeight: 600,
    fontSize: 7,
    letterSpacing: 0.3,
    textTransform: "uppercase",
    color: colors.placeholderInk,
    marginTop: 2,
  },
  label: { fontFamily: SANS, fontSize: 8, lineHeight: 1.3, color: colors.ink, marginTop: 6 },
  source: { fontFamily: SANS, fontSize: 6, lineHeight: 1.35, color: colors.muted, marginTop: 6 },
  synthetic: { fontWeight: 700, color: colors.coral },
});

/** Said of a figure computed from synthetic responses: never to be taken for a real result. */
export const SYNTHETIC_NOTE = "données synthétiques de démonstration";

/**
 * "Source : Enquête … (ISNI, FNSIP-BM, ISNAR-IMG, 2024) · n = 1 234" — the provenance in small
 * print; for a figure quoted from someone else's publication, "Chiffre cité — DREES, « … »
 * (12 mars 2025), échantillon".
 */
export function provenance(figure: KeyFigure): string {
  if (figure.citation) return citationLine(figure.citation);
  const { survey, partners, year, respondents } = figure.source;
  const by = [...partners, ...(year ? [String(year)] : [])].join(", ");
  const n =
    respondents === null
      ? "effectif : à venir"
      : // No-break spaces: "n =" never ends a line without its number.
        `n\u00a0=\u00a0${formatNumber(respondents)}`;
  return `Source : ${survey}${by ? ` (${by})` : ""} · ${n}`;
}

/** Whether the figure printed comes from synthetic responses (a placeholder comes from none). */
const isSynthetic = (figure: KeyFigure) => figure.value !== null && figure.synthetic;

/** A key figure set large, what it measures, and where it comes from; a marked box until computed. */
export function FigureCard({ figure }: { figure: KeyFigure }) {
  const missing = figure.value === null;
  const [short, why] = figure.placeholder.split(" — ");
  return (
    <View style={missing ? styles.placeholderCard : styles.card} wrap={false}>
      {missing ? (
        <>
          <Text style={styles.placeholderValue}>{fr(short ?? figure.placeholder)}</Text>
          {why && <Text style={styles.placeholderNote}>{fr(why)}</Text>}
        </>
      ) : (
        <Text style={styles.value}>{fr(formatFigure(figure))}</Text>
      )}
      <Text style={styles.label}>{fr(figure.label)}</Text>
      <Text style={styles.source}>
        {fr(provenance(figure))}
        {/* Set apart in bold: a journalist must not quote demo data as a result. */}
        {isSynthetic(figure) && <Text style={styles.synthetic}>{fr(` · ${SYNTHETIC_NOTE}`)}</Text>}
      </Text>
    </View>
  );
}

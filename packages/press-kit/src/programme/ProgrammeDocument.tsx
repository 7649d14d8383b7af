/** @jsxRuntime automatic @jsxImportSource react */
import { Document, StyleSheet, Text, View } from "@react-pdf/renderer";
import { PROGRAMME_IN_PREPARATION } from "@tribune/domain/congress";
import type { PrintableProgramme } from "@tribune/domain/schedule";
import { SANS } from "../fonts";
import { DayTable, Legend } from "../sections/Planning";
import { colors } from "../theme";
import { fr } from "../typeset";
import { DayListing } from "./Listing";
import { ProgrammePage } from "./ProgrammePage";

const styles = StyleSheet.create({
  dayBand: {
    flexDirection: "row",
    alignItems: "baseline",
    justifyContent: "space-between",
    marginBottom: 10,
  },
  day: { fontFamily: SANS, fontWeight: 800, fontSize: 15, color: colors.coral, letterSpacing: 0.4 },
  dayNote: { fontFamily: SANS, fontSize: 7.5, color: colors.muted },
  empty: { fontFamily: SANS, fontWeight: 800, fontSize: 15, color: colors.coral },
});

/**
 * The printable programme: per day, a page with the press kit's planning grid, then the day's
 * sessions listed by time (as many pages as they take).
 */
export function ProgrammeDocument({ model }: { model: PrintableProgramme }) {
  const language = { language: "fr-FR" } as object;
  return (
    <Document title={`Programme — ${model.title}`} author="Tribune" {...language}>
      {model.days.length === 0 && (
        <ProgrammePage model={model}>
          <Text style={styles.empty}>{fr(PROGRAMME_IN_PREPARATION)}</Text>
        </ProgrammePage>
      )}
      {model.days.map((day) => {
        const listing = model.listing.find((d) => d.day === day.day);
        return [
          <ProgrammePage key={`${day.day}-grid`} model={model}>
            <View style={styles.dayBand}>
              <Text style={styles.day}>{fr(day.label.toUpperCase())}</Text>
              <Text style={styles.dayNote}>{fr("Horaires en heure de Paris")}</Text>
            </View>
            <DayTable day={day} />
            <Legend day={day} />
          </ProgrammePage>,
          listing && (
            <ProgrammePage key={`${day.day}-list`} model={model}>
              <DayListing label={listing.label} entries={listing.entries} />
            </ProgrammePage>
          ),
        ];
      })}
    </Document>
  );
}

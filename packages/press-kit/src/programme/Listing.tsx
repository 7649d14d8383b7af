/** @jsxRuntime automatic @jsxImportSource react */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { SESSION_KIND_LABELS } from "@tribune/domain/congress";
import { formatPrintedTime } from "@tribune/domain/format";
import type { ProgrammeEntry } from "@tribune/domain/schedule";
import { SANS } from "../fonts";
import { colors, KIND_COLORS } from "../theme";
import { fr } from "../typeset";

const styles = StyleSheet.create({
  day: {
    fontFamily: SANS,
    fontWeight: 800,
    fontSize: 15,
    color: colors.coral,
    letterSpacing: 0.4,
    marginBottom: 10,
  },
  entry: {
    flexDirection: "row",
    paddingVertical: 5,
    borderBottomWidth: 0.6,
    borderBottomColor: colors.rule,
  },
  time: { width: 62, fontFamily: SANS, fontWeight: 700, fontSize: 8.4, color: colors.navy },
  body: { flex: 1, paddingLeft: 6, borderLeftWidth: 2.5 },
  kind: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 5.8,
    letterSpacing: 0.5,
    textTransform: "uppercase",
    color: colors.muted,
    marginBottom: 1.5,
  },
  title: { fontFamily: SANS, fontWeight: 600, fontSize: 9.5, color: colors.ink },
  detail: { fontFamily: SANS, fontSize: 7.8, color: colors.muted, marginTop: 1.5 },
});

/** Where a session takes place, as the listing prints it. */
export function placeOf(entry: ProgrammeEntry): string {
  if (entry.rooms.length > 0)
    return entry.wholeVenue ? `${entry.rooms.join(", ")} (tout le lieu)` : entry.rooms.join(", ");
  return "Tout le lieu";
}

/** One day's sessions by time: time, kind, title, place and speakers. */
export function DayListing({ label, entries }: { label: string; entries: ProgrammeEntry[] }) {
  return (
    <View>
      <Text style={styles.day} minPresenceAhead={60}>
        {fr(`${label.toUpperCase()} — LES SESSIONS`)}
      </Text>
      {entries.map((entry) => (
        <View key={entry.id} style={styles.entry} wrap={false}>
          <Text style={styles.time}>
            {formatPrintedTime(entry.start)} – {formatPrintedTime(entry.end)}
          </Text>
          <View style={[styles.body, { borderLeftColor: KIND_COLORS[entry.kind].bar }]}>
            <Text style={styles.kind}>{fr(SESSION_KIND_LABELS[entry.kind])}</Text>
            <Text style={styles.title}>{fr(entry.title)}</Text>
            <Text style={styles.detail}>{fr(placeOf(entry))}</Text>
            {entry.speakers.length > 0 && (
              <Text style={styles.detail}>{fr(`Avec ${entry.speakers.join(", ")}`)}</Text>
            )}
            {entry.partner && (
              <Text style={styles.detail}>{fr(`Partenaire : ${entry.partner}`)}</Text>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}

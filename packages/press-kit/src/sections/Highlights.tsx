/** @jsxRuntime automatic @jsxImportSource react */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatPrintedTime } from "@tribune/domain/format";
import type { HighlightEntry, HighlightGroup, SectionOfKind } from "@tribune/domain/press-kit";
import { SectionPage } from "../components/SectionPage";
import { SANS } from "../fonts";
import { colors, KIND_COLORS } from "../theme";
import { fr } from "../typeset";

const styles = StyleSheet.create({
  group: { marginBottom: 16 },
  groupHeader: { flexDirection: "row", alignItems: "center", marginBottom: 8 },
  swatch: { width: 10, height: 10, borderRadius: 5, marginRight: 7 },
  groupLabel: {
    fontFamily: SANS,
    fontWeight: 800,
    fontSize: 11,
    letterSpacing: 1.2,
    color: colors.navy,
  },
  count: { fontFamily: SANS, fontSize: 8, color: colors.muted, marginLeft: 6 },
  grid: { flexDirection: "row", alignItems: "stretch", justifyContent: "space-between" },
  entry: {
    width: "48.5%",
    marginBottom: 7,
    paddingVertical: 6,
    paddingHorizontal: 8,
    borderLeftWidth: 3,
  },
  title: { fontFamily: SANS, fontWeight: 600, fontSize: 9.5, lineHeight: 1.3, color: colors.ink },
  meta: { fontFamily: SANS, fontSize: 7.5, lineHeight: 1.3, color: colors.muted, marginTop: 3 },
  topics: { flexDirection: "row", flexWrap: "wrap", alignItems: "center", marginTop: 2 },
  topicsLabel: {
    fontFamily: SANS,
    fontSize: 8,
    color: colors.muted,
    marginRight: 6,
    marginBottom: 5,
  },
  topic: {
    fontFamily: SANS,
    fontWeight: 600,
    fontSize: 8.5,
    paddingVertical: 3,
    paddingHorizontal: 8,
    marginRight: 6,
    marginBottom: 5,
    borderRadius: 8,
  },
});

/** Rows of two, so that both cards of a row take the taller one's height. */
const pairs = <T,>(items: T[]): T[][] =>
  items.flatMap((_, i) => (i % 2 === 0 ? [items.slice(i, i + 2)] : []));

function Entry({ entry, group }: { entry: HighlightEntry; group: HighlightGroup }) {
  const tint = KIND_COLORS[group.kind];
  const when = `${entry.dayLabel} · ${formatPrintedTime(entry.start)} – ${formatPrintedTime(entry.end)}`;
  const where = entry.rooms.length > 0 ? ` · ${entry.rooms.join(", ")}` : "";
  return (
    <View
      style={[styles.entry, { backgroundColor: tint.fill, borderLeftColor: tint.bar }]}
      wrap={false}
    >
      <Text style={styles.title}>{fr(entry.title)}</Text>
      <Text style={styles.meta}>{fr(`${when}${where}`)}</Text>
    </View>
  );
}

/** The programme's highlights, by kind, from the published sessions. */
export function Highlights({ section }: { section: SectionOfKind<"highlights"> }) {
  return (
    <SectionPage section={section}>
      {section.content.groups.map((group) => {
        const tint = KIND_COLORS[group.kind];
        return (
          <View key={group.kind} style={styles.group}>
            <View style={styles.groupHeader} minPresenceAhead={60}>
              <View style={[styles.swatch, { backgroundColor: tint.bar }]} />
              <Text style={styles.groupLabel}>{fr(group.label.toUpperCase())}</Text>
            </View>
            {group.topics.length > 0 && (
              <View style={styles.topics} wrap={false}>
                <Text style={styles.topicsLabel}>{fr("Au programme :")}</Text>
                {group.topics.map((topic) => (
                  <Text
                    key={topic}
                    style={[styles.topic, { backgroundColor: tint.fill, color: colors.ink }]}
                  >
                    {fr(topic)}
                  </Text>
                ))}
              </View>
            )}
            {pairs(group.entries).map((pair) => (
              <View key={pair[0]?.sessionId} style={styles.grid} wrap={false}>
                {pair.map((entry) => (
                  <Entry key={entry.sessionId} entry={entry} group={group} />
                ))}
              </View>
            ))}
          </View>
        );
      })}
    </SectionPage>
  );
}

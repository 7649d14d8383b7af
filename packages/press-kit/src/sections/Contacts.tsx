/** @jsxRuntime automatic @jsxImportSource react */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { SectionOfKind } from "@tribune/domain/press-kit";
import { SectionPage } from "../components/SectionPage";
import { useRender } from "../context";
import { SANS, SERIF } from "../fonts";
import { colors } from "../theme";
import { fr, unbreakable } from "../typeset";

const NETWORKS = {
  facebook: "Facebook",
  linkedin: "LinkedIn",
  instagram: "Instagram",
  x: "X",
} as const;

const styles = StyleSheet.create({
  people: { flexDirection: "row", gap: 14, marginBottom: 22 },
  person: {
    flex: 1,
    padding: 16,
    backgroundColor: colors.sand,
    borderTopWidth: 4,
    borderTopColor: colors.coral,
  },
  name: { fontFamily: SANS, fontWeight: 800, fontSize: 12, letterSpacing: 0.5, color: colors.navy },
  role: {
    fontFamily: SANS,
    fontWeight: 600,
    fontSize: 7.5,
    letterSpacing: 0.8,
    color: colors.coral,
    marginTop: 4,
  },
  line: { fontFamily: SANS, fontSize: 10.5, color: colors.ink, marginTop: 10 },
  lineLabel: {
    fontFamily: SANS,
    fontWeight: 600,
    fontSize: 7,
    letterSpacing: 0.6,
    color: colors.muted,
  },
  online: { flexDirection: "row", gap: 14 },
  block: { flex: 1, paddingTop: 10, borderTopWidth: 1.2, borderTopColor: colors.navy },
  blockTitle: {
    fontFamily: SANS,
    fontWeight: 800,
    fontSize: 8.5,
    letterSpacing: 1.2,
    color: colors.navy,
    marginBottom: 8,
  },
  web: { fontFamily: SANS, fontWeight: 600, fontSize: 10.5, color: colors.teal, marginBottom: 5 },
  social: { flexDirection: "row", marginBottom: 5, fontFamily: SANS, fontSize: 10 },
  network: { width: 70, fontWeight: 600, color: colors.muted, fontSize: 8.5, paddingTop: 1.5 },
  handle: { color: colors.ink },
  // The congress, once more, at the foot of the last page.
  closing: {
    marginTop: "auto",
    paddingVertical: 22,
    paddingHorizontal: 22,
    backgroundColor: colors.navy,
    color: colors.white,
    fontFamily: SANS,
  },
  closingKicker: {
    fontWeight: 600,
    fontSize: 9,
    letterSpacing: 0.5,
    color: colors.coral,
    marginBottom: 6,
  },
  closingTheme: { fontWeight: 800, fontSize: 20, lineHeight: 1.2 },
  closingSubtitle: {
    fontFamily: SERIF,
    fontStyle: "italic",
    fontSize: 13,
    color: colors.sand,
    marginTop: 3,
  },
  closingWhen: { fontWeight: 600, fontSize: 10.5, marginTop: 12 },
});

/** The press contacts, then where to follow the union. Always the last section. */
export function Contacts({ section }: { section: SectionOfKind<"contacts"> }) {
  const { people, websites, social } = section.content;
  const { model } = useRender();
  const cover = model.sections.find((s) => s.kind === "cover");
  return (
    <SectionPage section={section}>
      <View style={styles.people}>
        {people.map((person) => (
          <View key={person.email} style={styles.person} wrap={false}>
            <Text style={styles.name}>{fr(person.name)}</Text>
            <Text style={styles.role}>{fr(person.role)}</Text>
            <Text style={styles.line}>
              <Text style={styles.lineLabel}>{"COURRIEL  "}</Text>
              {person.email}
            </Text>
            <Text style={styles.line}>
              <Text style={styles.lineLabel}>{"TÉLÉPHONE  "}</Text>
              {unbreakable(person.phone)}
            </Text>
          </View>
        ))}
      </View>
      <View style={styles.online} wrap={false}>
        <View style={styles.block}>
          <Text style={styles.blockTitle}>SITES</Text>
          {websites.map((site) => (
            <Text key={site} style={styles.web}>
              {site}
            </Text>
          ))}
        </View>
        <View style={styles.block}>
          <Text style={styles.blockTitle}>{fr("RÉSEAUX SOCIAUX")}</Text>
          {social.map((account) => (
            <View key={`${account.network}-${account.handle}`} style={styles.social}>
              <Text style={styles.network}>{NETWORKS[account.network]}</Text>
              <Text style={styles.handle}>{fr(account.handle)}</Text>
            </View>
          ))}
        </View>
      </View>
      {cover?.kind === "cover" && (
        <View style={styles.closing} wrap={false}>
          <Text style={styles.closingKicker}>{fr(cover.content.congress)}</Text>
          <Text style={styles.closingTheme}>{fr(cover.content.theme)}</Text>
          <Text style={styles.closingSubtitle}>{fr(cover.content.subtitle)}</Text>
          <Text style={styles.closingWhen}>
            {fr(`${cover.content.dates} — ${cover.content.venue}`)}
          </Text>
        </View>
      )}
    </SectionPage>
  );
}

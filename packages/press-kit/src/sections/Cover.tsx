/** @jsxRuntime automatic @jsxImportSource react */
import { Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { SectionOfKind } from "@tribune/domain/press-kit";
import { Anchor } from "../components/Anchor";
import { Watermark } from "../components/SectionPage";
import { SANS, SERIF } from "../fonts";
import { colors, page, TEXT_FEATURES } from "../theme";
import { fr } from "../typeset";

const styles = StyleSheet.create({
  page: {
    backgroundColor: colors.navy,
    color: colors.white,
    fontFamily: SANS,
    fontFeatureSettings: TEXT_FEATURES,
  },
  circleLarge: {
    position: "absolute",
    top: -150,
    right: -170,
    width: 470,
    height: 470,
    borderRadius: 235,
    backgroundColor: colors.teal,
    opacity: 0.55,
  },
  circleSmall: {
    position: "absolute",
    top: 150,
    right: 64,
    width: 96,
    height: 96,
    borderRadius: 48,
    backgroundColor: colors.coral,
    opacity: 0.9,
  },
  ring: {
    position: "absolute",
    bottom: 40,
    left: -110,
    width: 260,
    height: 260,
    borderRadius: 130,
    borderWidth: 18,
    borderColor: colors.teal,
    opacity: 0.35,
  },
  body: {
    position: "absolute",
    top: 0,
    bottom: 0,
    left: page.marginX + 8,
    right: page.marginX + 8,
    paddingTop: 64,
    paddingBottom: 56,
    justifyContent: "space-between",
  },
  organisation: { fontWeight: 800, fontSize: 13, letterSpacing: 3 },
  organisationRule: { marginTop: 8, width: 36, height: 3, backgroundColor: colors.coral },
  themeBlock: { marginTop: 210 },
  theme: { fontWeight: 800, fontSize: 42, lineHeight: 1.08, maxWidth: 420 },
  subtitle: {
    fontFamily: SERIF,
    fontStyle: "italic",
    fontSize: 24,
    lineHeight: 1.25,
    color: colors.sand,
    marginTop: 14,
    maxWidth: 380,
  },
  dates: { fontWeight: 700, fontSize: 20, marginTop: 36, color: colors.white },
  venue: { fontSize: 13, marginTop: 6, color: colors.sand },
  bottom: { borderTopWidth: 1, borderTopColor: "#46637C", paddingTop: 18 },
  congress: { fontWeight: 600, fontSize: 13, color: colors.sand },
  ordinal: { fontSize: 8, verticalAlign: "super" },
  documentTitle: {
    fontWeight: 800,
    fontSize: 30,
    letterSpacing: 4,
    marginTop: 8,
    color: colors.white,
  },
  documentRule: { marginTop: 12, width: 90, height: 6, backgroundColor: colors.coral },
});

/** "26e Congrès…" with the ordinal's "e" raised. */
function Congress({ text }: { text: string }) {
  const match = text.match(/^(\d+)(e|er|re)( .*)$/);
  if (!match) return <Text style={styles.congress}>{fr(text)}</Text>;
  const [, number, suffix, rest = ""] = match;
  return (
    <Text style={styles.congress}>
      {number}
      <Text style={styles.ordinal}>{suffix}</Text>
      {fr(rest)}
    </Text>
  );
}

export function Cover({ section }: { section: SectionOfKind<"cover"> }) {
  const c = section.content;
  return (
    <Page size="A4" style={styles.page} bookmark={{ title: "Couverture", fit: true }}>
      <View style={styles.circleLarge} />
      <View style={styles.circleSmall} />
      <View style={styles.ring} />
      <Anchor id={section.id} />
      <View style={styles.body}>
        <View>
          <Text style={styles.organisation}>{c.organisation}</Text>
          <View style={styles.organisationRule} />
          <View style={styles.themeBlock}>
            <Text style={styles.theme}>{fr(c.theme)}</Text>
            <Text style={styles.subtitle}>{fr(c.subtitle)}</Text>
            <Text style={styles.dates}>{fr(c.dates)}</Text>
            <Text style={styles.venue}>{fr(`— ${c.venue}`)}</Text>
          </View>
        </View>
        <View style={styles.bottom}>
          <Congress text={c.congress} />
          <Text style={styles.documentTitle}>{fr(c.documentTitle)}</Text>
          <View style={styles.documentRule} />
        </View>
      </View>
      {section.status === "draft" && <Watermark />}
    </Page>
  );
}

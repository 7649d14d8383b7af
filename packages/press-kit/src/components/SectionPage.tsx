/** @jsxRuntime automatic @jsxImportSource react */
import { Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { PressKitSection } from "@tribune/domain/press-kit";
import type { ReactNode } from "react";
import { useRender } from "../context";
import { SANS, SERIF } from "../fonts";
import { colors, page, TEXT_FEATURES } from "../theme";
import { fr } from "../typeset";
import { Anchor } from "./Anchor";

const styles = StyleSheet.create({
  page: {
    paddingTop: page.marginTop,
    paddingBottom: page.marginBottom,
    paddingHorizontal: page.marginX,
    fontFamily: SERIF,
    fontSize: 10.5,
    color: colors.ink,
    backgroundColor: colors.white,
    fontFeatureSettings: TEXT_FEATURES,
  },
  topBar: {
    position: "absolute",
    top: 0,
    left: 0,
    right: 0,
    height: 6,
    backgroundColor: colors.navy,
  },
  topAccent: {
    position: "absolute",
    top: 0,
    left: 0,
    width: 120,
    height: 6,
    backgroundColor: colors.coral,
  },
  heading: { marginBottom: 18 },
  kicker: {
    fontFamily: SANS,
    fontWeight: 600,
    fontSize: 8.5,
    letterSpacing: 1.2,
    textTransform: "uppercase",
    color: colors.coral,
    marginBottom: 4,
  },
  title: { fontFamily: SANS, fontWeight: 800, fontSize: 24, lineHeight: 1.15, color: colors.navy },
  titleRule: { marginTop: 10, width: 48, height: 3, backgroundColor: colors.coral },
  footer: {
    position: "absolute",
    left: page.marginX,
    right: page.marginX,
    bottom: 28,
    paddingTop: 6,
    borderTopWidth: 0.6,
    borderTopColor: colors.rule,
    flexDirection: "row",
    justifyContent: "space-between",
    fontFamily: SANS,
    fontSize: 7.5,
    color: colors.muted,
  },
  pageNumber: { fontWeight: 600, color: colors.navy },
  watermark: {
    position: "absolute",
    top: 0,
    left: 0,
    right: 0,
    bottom: 0,
    alignItems: "center",
    justifyContent: "center",
  },
  watermarkText: {
    fontFamily: SANS,
    fontWeight: 800,
    fontSize: 96,
    letterSpacing: 6,
    color: colors.draft,
    opacity: 0.16,
    transform: "rotate(-54deg)",
  },
});

/** A section's heading: its group in small capitals, then its title. */
export function Heading({ kicker, title }: { kicker: string | null; title: string }) {
  return (
    <View style={styles.heading} minPresenceAhead={120}>
      {kicker && <Text style={styles.kicker}>{fr(kicker)}</Text>}
      <Text style={styles.title}>{fr(title)}</Text>
      <View style={styles.titleRule} />
    </View>
  );
}

/** Running footer: the document, then "page / pages". */
function Footer() {
  const { model, log } = useRender();
  const { edition } = model;
  return (
    <View style={styles.footer} fixed>
      <Text>
        {fr(
          `${model.meta.author} · Dossier de presse · ${edition.number}e Congrès · ${edition.city} ${edition.year}`,
        )}
      </Text>
      <Text
        style={styles.pageNumber}
        render={({ pageNumber, totalPages }) => {
          log.totalPages = Math.max(log.totalPages, totalPages ?? 0);
          return totalPages ? `${pageNumber} / ${totalPages}` : `${pageNumber}`;
        }}
      />
    </View>
  );
}

/** Across every page of a draft section. */
export function Watermark() {
  return (
    <View style={styles.watermark} fixed>
      <Text style={styles.watermarkText}>BROUILLON</Text>
    </View>
  );
}

interface SectionPageProps {
  section: PressKitSection;
  children: ReactNode;
  /** Print the section's kicker and title (default), or this heading instead, or none. */
  heading?: { kicker: string | null; title: string } | false;
  /** The first page of the section carries its anchor and bookmark. */
  first?: boolean;
}

/** One or more A4 pages of a section: top bar, heading, running footer, draft watermark. */
export function SectionPage({ section, children, heading, first = true }: SectionPageProps) {
  const shown = heading === undefined ? { kicker: section.kicker, title: section.title } : heading;
  return (
    <Page
      size="A4"
      style={styles.page}
      bookmark={first ? { title: section.title, fit: true } : undefined}
    >
      <View style={styles.topBar} fixed />
      <View style={styles.topAccent} fixed />
      {first && <Anchor id={section.id} />}
      {shown && <Heading kicker={shown.kicker} title={shown.title} />}
      {children}
      <Footer />
      {section.status === "draft" && <Watermark />}
    </Page>
  );
}

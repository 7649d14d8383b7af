/** @jsxRuntime automatic @jsxImportSource react */
import { Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { PrintableProgramme } from "@tribune/domain/schedule";
import type { ReactNode } from "react";
import { SANS, SERIF } from "../fonts";
import { colors, page, TEXT_FEATURES } from "../theme";
import { fr } from "../typeset";

const styles = StyleSheet.create({
  page: {
    paddingTop: page.marginTop,
    paddingBottom: page.marginBottom,
    paddingHorizontal: page.marginX,
    fontFamily: SERIF,
    fontSize: 10,
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
  header: {
    position: "absolute",
    top: 18,
    left: page.marginX,
    right: page.marginX,
    flexDirection: "row",
    justifyContent: "space-between",
    fontFamily: SANS,
    fontSize: 7.5,
    color: colors.muted,
  },
  edition: { fontWeight: 700, color: colors.navy },
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
});

/**
 * An A4 page of the printable programme: the edition and the venue on every page (header and
 * footer are `fixed`, so a listing running over several pages repeats them).
 */
export function ProgrammePage({
  model,
  children,
}: {
  model: PrintableProgramme;
  children: ReactNode;
}) {
  return (
    <Page size="A4" style={styles.page} wrap>
      <View style={styles.topBar} fixed />
      <View style={styles.header} fixed>
        <Text style={styles.edition}>{fr(model.title)}</Text>
        <Text>{fr("Programme")}</Text>
      </View>
      {children}
      <View style={styles.footer} fixed>
        <Text>{fr(model.place)}</Text>
        <Text
          style={styles.pageNumber}
          render={({ pageNumber, totalPages }) =>
            totalPages ? `${pageNumber} / ${totalPages}` : `${pageNumber}`
          }
        />
      </View>
    </Page>
  );
}

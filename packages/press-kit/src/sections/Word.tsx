/** @jsxRuntime automatic @jsxImportSource react */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { SectionOfKind } from "@tribune/domain/press-kit";
import { RichText } from "../components/RichText";
import { SectionPage } from "../components/SectionPage";
import { SANS } from "../fonts";
import { colors } from "../theme";
import { fr } from "../typeset";

const styles = StyleSheet.create({
  body: { paddingLeft: 14, borderLeftWidth: 2.5, borderLeftColor: colors.coral },
  signature: { marginTop: 18, alignSelf: "flex-end", alignItems: "flex-end" },
  name: { fontFamily: SANS, fontWeight: 800, fontSize: 11, letterSpacing: 1, color: colors.navy },
  role: {
    fontFamily: SANS,
    fontWeight: 500,
    fontSize: 8.5,
    letterSpacing: 0.8,
    color: colors.coral,
    marginTop: 3,
  },
});

/** A word from the union (its president, its national bureau), signed when it is. */
export function Word({ section }: { section: SectionOfKind<"president" | "bureau"> }) {
  const { blocks, signature } = section.content;
  return (
    <SectionPage section={section}>
      <View style={styles.body}>
        <RichText blocks={blocks} size={10.8} />
      </View>
      {signature && (
        <View style={styles.signature} wrap={false}>
          <Text style={styles.name}>{fr(signature.name)}</Text>
          <Text style={styles.role}>{fr(signature.role)}</Text>
        </View>
      )}
    </SectionPage>
  );
}

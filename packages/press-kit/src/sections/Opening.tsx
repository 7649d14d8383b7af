/** @jsxRuntime automatic @jsxImportSource react */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { SectionOfKind } from "@tribune/domain/press-kit";
import { RichText } from "../components/RichText";
import { SectionPage } from "../components/SectionPage";
import { SANS, SERIF } from "../fonts";
import { colors } from "../theme";
import { fr } from "../typeset";

const styles = StyleSheet.create({
  lede: {
    fontFamily: SERIF,
    fontSize: 13,
    lineHeight: 1.45,
    color: colors.navy,
    textAlign: "left",
    marginBottom: 10,
  },
  signature: {
    marginTop: 14,
    alignSelf: "flex-end",
    paddingTop: 8,
    borderTopWidth: 2,
    borderTopColor: colors.coral,
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 10,
    color: colors.navy,
  },
});

/** The opening text: the first paragraph as a lede, the rest justified, then its author. */
export function Opening({ section }: { section: SectionOfKind<"opening"> }) {
  const [lede, ...rest] = section.content.blocks;
  const signature = section.content.signature;
  return (
    <SectionPage section={section}>
      {lede && <RichText blocks={[lede]} size={13} paragraphStyle={styles.lede} />}
      <RichText blocks={rest} />
      {signature && (
        <View wrap={false} minPresenceAhead={40}>
          <Text style={styles.signature}>{fr(`${signature.name} – ${signature.role}`)}</Text>
        </View>
      )}
    </SectionPage>
  );
}

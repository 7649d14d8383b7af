/** @jsxRuntime automatic @jsxImportSource react */
import { Link, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { SectionOfKind } from "@tribune/domain/press-kit";
import { SectionPage } from "../components/SectionPage";
import { destination, useRender } from "../context";
import { SANS } from "../fonts";
import { colors } from "../theme";
import { fr } from "../typeset";

const styles = StyleSheet.create({
  list: { marginTop: 6, fontFamily: SANS },
  groupRow: {
    flexDirection: "row",
    alignItems: "flex-end",
    marginTop: 11,
    paddingBottom: 3,
    borderBottomWidth: 1.2,
    borderBottomColor: colors.navy,
  },
  groupLabel: { fontWeight: 800, fontSize: 12, color: colors.navy, letterSpacing: 0.3 },
  itemRow: { flexDirection: "row", alignItems: "flex-end", paddingLeft: 16, marginTop: 4.5 },
  itemLabel: { fontSize: 9.2, color: colors.ink },
  leader: {
    flexGrow: 1,
    marginHorizontal: 6,
    marginBottom: 2.5,
    borderBottomWidth: 0.8,
    borderBottomColor: colors.rule,
    borderBottomStyle: "dotted",
  },
  groupNumber: {
    width: 26,
    textAlign: "right",
    fontWeight: 800,
    fontSize: 12,
    color: colors.coral,
  },
  itemNumber: { width: 26, textAlign: "right", fontWeight: 600, fontSize: 9.2, color: colors.navy },
  link: { textDecoration: "none", color: colors.ink },
});

/**
 * The contents with the real page numbers: each number is a render callback reading the page
 * that anchor's section landed on. `renderPressKit` checks them and lays out again if needed.
 */
export function Contents({ section }: { section: SectionOfKind<"contents"> }) {
  const { log } = useRender();
  const pageOf = (targetId: string) => {
    const page = log.starts.get(targetId) ?? 0;
    log.printed.set(targetId, page);
    return page > 0 ? String(page) : "";
  };
  return (
    <SectionPage section={section}>
      <View style={styles.list}>
        {section.content.entries.map((entry) => {
          const group = entry.level === 0;
          return (
            <Link
              key={`${entry.level}-${entry.label}`}
              src={`#${destination(entry.targetId)}`}
              style={styles.link}
            >
              <View style={group ? styles.groupRow : styles.itemRow} wrap={false}>
                <Text style={group ? styles.groupLabel : styles.itemLabel}>{fr(entry.label)}</Text>
                {group ? <View style={{ flexGrow: 1 }} /> : <View style={styles.leader} />}
                <Text
                  style={group ? styles.groupNumber : styles.itemNumber}
                  render={() => pageOf(entry.targetId)}
                />
              </View>
            </Link>
          );
        })}
      </View>
    </SectionPage>
  );
}

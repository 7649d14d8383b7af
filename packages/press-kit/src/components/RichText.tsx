/** @jsxRuntime automatic @jsxImportSource react */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { type Block, citationInline, formatFigure, type Run } from "@tribune/domain/press-kit";
import { useRender } from "../context";
import { SANS } from "../fonts";
import { colors } from "../theme";
import { fr, NBSP } from "../typeset";

// react-pdf turns a unitless lineHeight into points with the node's own fontSize (18 when
// inherited), so every text style that sets one sets its fontSize too: see `sized()`.
const styles = StyleSheet.create({
  paragraph: { marginBottom: 6, textAlign: "justify" },
  bold: { fontWeight: 700, color: colors.navy },
  list: { marginBottom: 7 },
  listItem: { flexDirection: "row", marginBottom: 4 },
  bullet: { width: 14, color: colors.coral, fontFamily: SANS, fontWeight: 700 },
  listText: { flex: 1, textAlign: "justify" },
  placeholder: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 8.5,
    color: colors.placeholderInk,
    backgroundColor: colors.placeholderFill,
  },
  value: { fontFamily: SANS, fontWeight: 700, color: colors.coral },
  citation: { fontFamily: SANS, fontWeight: 400, fontSize: 7, color: colors.muted },
  tags: { flexDirection: "row", flexWrap: "wrap", marginTop: 2, marginBottom: 6 },
  tag: {
    fontFamily: SANS,
    fontWeight: 600,
    fontSize: 7.5,
    letterSpacing: 0.6,
    color: colors.navy,
    borderWidth: 0.8,
    borderColor: colors.navy,
    borderRadius: 9,
    paddingVertical: 3.5,
    paddingHorizontal: 8,
    marginRight: 6,
    marginBottom: 6,
  },
});

/**
 * A figure inside a sentence: its value, or a highlighted "[chiffre à venir]". A figure quoted
 * from someone else's publication (manual) is followed by its provenance in small print.
 */
function InlineFigure({ id }: { id: string }) {
  const figure = useRender().figure(id);
  if (figure.value === null) {
    return (
      <Text style={styles.placeholder}>{`[${formatFigure(figure)}]`.replace(/ /g, NBSP)}</Text>
    );
  }
  const value = <Text style={styles.value}>{fr(formatFigure(figure))}</Text>;
  if (!figure.citation) return value;
  return (
    <>
      {value}
      <Text style={styles.citation}>{fr(` ${citationInline(figure.citation)}`)}</Text>
    </>
  );
}

const CLOSING = /^[.,;:!?)\]»…]+/;

/**
 * Punctuation that follows a run straight on ("**VIOLENT'HOSPITOMETRE**.") joins that run: a
 * line may break between two runs, and react-pdf would break there with a hyphen.
 */
export function attachPunctuation(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const previous = out.at(-1);
    const lead = run.type === "text" ? run.text.match(CLOSING)?.[0] : undefined;
    if (lead && run.type === "text" && previous?.type === "text") {
      out[out.length - 1] = { ...previous, text: previous.text + lead };
      if (run.text.length > lead.length) out.push({ ...run, text: run.text.slice(lead.length) });
      continue;
    }
    out.push(run);
  }
  return out;
}

function Runs({ runs }: { runs: Run[] }) {
  return attachPunctuation(runs).map((run, i) => {
    const key = `${i}-${run.type}`;
    if (run.type === "figure") return <InlineFigure key={key} id={run.figureId} />;
    return run.bold ? (
      <Text key={key} style={styles.bold}>
        {fr(run.text)}
      </Text>
    ) : (
      <Text key={key}>{fr(run.text)}</Text>
    );
  });
}

/** One text style, as StyleSheet.create takes it. */
type Style = Parameters<typeof StyleSheet.create>[0][string];

const sized = (size: number) => ({ fontSize: size, lineHeight: 1.42 });

interface RichTextProps {
  blocks: Block[];
  /** Body size in points. */
  size?: number;
  paragraphStyle?: Style;
}

/** Editorial blocks: justified paragraphs with bold runs and figures, lists, tag clouds. */
export function RichText({ blocks, size = 10.5, paragraphStyle }: RichTextProps) {
  return blocks.map((block, i) => {
    const key = `${i}-${block.type}`;
    if (block.type === "paragraph") {
      return (
        <Text
          key={key}
          style={[styles.paragraph, sized(size), ...(paragraphStyle ? [paragraphStyle] : [])]}
        >
          <Runs runs={block.runs} />
        </Text>
      );
    }
    if (block.type === "list") {
      return (
        <View key={key} style={styles.list}>
          {block.items.map((runs, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity beyond their place
            <View key={j} style={styles.listItem} wrap={false}>
              <Text style={styles.bullet}>•</Text>
              <Text style={[styles.listText, sized(size)]}>
                <Runs runs={runs} />
              </Text>
            </View>
          ))}
        </View>
      );
    }
    return (
      <View key={key} style={styles.tags}>
        {block.items.map((tag) => (
          <Text key={tag} style={styles.tag}>
            {fr(tag)}
          </Text>
        ))}
      </View>
    );
  });
}

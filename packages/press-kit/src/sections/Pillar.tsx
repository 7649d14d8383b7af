/** @jsxRuntime automatic @jsxImportSource react */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import {
  type PillarId,
  type PillarItem,
  plainText,
  type SectionOfKind,
} from "@tribune/domain/press-kit";
import { Anchor } from "../components/Anchor";
import { FigureCard } from "../components/FigureCard";
import { RichText } from "../components/RichText";
import { SectionPage } from "../components/SectionPage";
import { useRender } from "../context";
import { SANS } from "../fonts";
import { textHeight } from "../measure";
import { colors, contentWidth } from "../theme";
import { fr } from "../typeset";

const BAND: Record<PillarId, string> = {
  representer: colors.navy,
  defendre: colors.coral,
  informer: colors.teal,
};
const COLUMN_GAP = 20;
const COLUMN_WIDTH = (contentWidth - COLUMN_GAP) / 2;
const TILE_SIZE = 9.5;
const FIGURES_PER_ROW = 3;

const rowsOf = <T,>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
    list.slice(i * size, (i + 1) * size),
  );

const styles = StyleSheet.create({
  band: { marginBottom: 18, paddingVertical: 16, paddingHorizontal: 18 },
  bandKicker: {
    fontFamily: SANS,
    fontWeight: 600,
    fontSize: 8,
    letterSpacing: 1.5,
    color: colors.sand,
    marginBottom: 3,
  },
  bandTitle: {
    fontFamily: SANS,
    fontWeight: 800,
    fontSize: 30,
    letterSpacing: 2,
    color: colors.white,
  },
  tagline: { fontSize: 11, color: colors.sand, marginTop: 4 },
  item: { marginBottom: 14 },
  itemTitle: {
    fontFamily: SANS,
    fontWeight: 800,
    fontSize: 10,
    letterSpacing: 0.8,
    lineHeight: 1.3,
    marginBottom: 5,
  },
  figures: { flexDirection: "row", gap: 8, marginTop: 3 },
  nextFigures: { marginTop: 8 },
  columns: { flexDirection: "row", justifyContent: "space-between" },
  column: { width: COLUMN_WIDTH },
  tile: { marginBottom: 12, paddingTop: 6, borderTopWidth: 1.5 },
  // An item without text yet: marked, like a figure not computed.
  missing: {
    alignSelf: "flex-start",
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 8,
    color: colors.placeholderInk,
    backgroundColor: colors.placeholderFill,
    borderWidth: 1,
    borderStyle: "dashed",
    borderColor: colors.placeholderBorder,
    paddingVertical: 3,
    paddingHorizontal: 6,
  },
  // Narrow columns set ragged: justified, they would open rivers.
  ragged: { textAlign: "left" },
});

const plain = (item: PillarItem) =>
  item.blocks
    .map((b) => (b.type === "paragraph" ? plainText(b.runs, () => "00 %") : ""))
    .filter(Boolean);

/** Short items, without figures, sit in two columns. */
const isShort = (item: PillarItem) =>
  item.figureIds.length === 0 &&
  item.blocks.every((b) => b.type === "paragraph") &&
  plain(item).join(" ").length < 520;

/** The height a tile will take, to balance the two columns. */
function tileHeight(item: PillarItem): number {
  const title = textHeight(item.title, {
    weight: 700,
    size: 10,
    lineHeight: 1.3,
    letterSpacing: 0.8,
    width: COLUMN_WIDTH,
  });
  const body = plain(item).reduce(
    (sum, text) =>
      sum +
      textHeight(text, {
        family: "Source Serif 4",
        weight: 400,
        size: TILE_SIZE,
        lineHeight: 1.42,
        width: COLUMN_WIDTH,
      }) +
      6,
    0,
  );
  return 6 + title + 5 + (body || 20) + 12;
}

/** Splits items, in order, into a left and a right column of heights as close as can be. */
function balance(items: PillarItem[]): [PillarItem[], PillarItem[]] {
  const heights = items.map(tileHeight);
  const total = heights.reduce((a, b) => a + b, 0);
  let best = items.length;
  let bestHeight = total;
  let left = 0;
  for (let k = 0; k <= items.length; k += 1) {
    const tallest = Math.max(left, total - left);
    if (tallest < bestHeight) {
      best = k;
      bestHeight = tallest;
    }
    left += heights[k] ?? 0;
  }
  return [items.slice(0, best), items.slice(best)];
}

function Item({
  item,
  anchor,
  color,
  tile,
}: {
  item: PillarItem;
  anchor: string;
  color: string;
  tile: boolean;
}) {
  const { figure } = useRender();
  return (
    <View
      style={tile ? [styles.tile, { borderTopColor: color }] : styles.item}
      // A short text stays with its figures: a card alone atop a page loses what it measures.
      wrap={!tile && !(item.figureIds.length > 0 && plain(item).join(" ").length < 520)}
    >
      {/* The anchor moves with the title: a page break between them would misdate the item. */}
      <View wrap={false} minPresenceAhead={40}>
        <Anchor id={anchor} />
        <Text style={[styles.itemTitle, { color }]}>{fr(item.title)}</Text>
      </View>
      {item.blocks.length === 0 ? (
        <Text style={styles.missing}>{fr("Texte à venir")}</Text>
      ) : (
        <RichText
          blocks={item.blocks}
          size={tile ? TILE_SIZE : 10}
          paragraphStyle={tile ? styles.ragged : undefined}
        />
      )}
      {/* Three cards a row at most: more would squeeze the figures below a readable size. */}
      {rowsOf(item.figureIds, FIGURES_PER_ROW).map((row, index) => (
        <View
          key={row.join()}
          style={index === 0 ? styles.figures : [styles.figures, styles.nextFigures]}
          wrap={false}
        >
          {row.map((id) => (
            <FigureCard key={id} figure={figure(id)} />
          ))}
          {/* A spacer keeps a short last row's cards about the width of the others. */}
          {row.length < FIGURES_PER_ROW && item.figureIds.length > FIGURES_PER_ROW && (
            <View style={{ flex: FIGURES_PER_ROW - row.length }} />
          )}
        </View>
      ))}
    </View>
  );
}

/**
 * One of the union's missions: a coloured band, then its items — key figures set large under
 * the text that quotes them. A pillar of short items reads in two balanced columns.
 */
export function Pillar({ section }: { section: SectionOfKind<"pillar"> }) {
  const { model } = useRender();
  const { pillar, tagline, items } = section.content;
  const color = BAND[pillar];
  const tiles = items.every(isShort);
  const render = (list: PillarItem[]) =>
    list.map((item) => (
      <Item
        key={item.id}
        item={item}
        anchor={`${section.id}/${item.id}`}
        color={color}
        tile={tiles}
      />
    ));
  const [left, right] = tiles ? balance(items) : [items, []];
  return (
    <SectionPage section={section} heading={false}>
      <View style={[styles.band, { backgroundColor: color }]}>
        <Text style={styles.bandKicker}>{fr(model.meta.author)}</Text>
        <Text style={styles.bandTitle}>{fr(section.title)}</Text>
        {tagline && <Text style={styles.tagline}>{fr(tagline)}</Text>}
      </View>
      {tiles ? (
        <View style={styles.columns}>
          <View style={styles.column}>{render(left)}</View>
          <View style={styles.column}>{render(right)}</View>
        </View>
      ) : (
        render(items)
      )}
    </SectionPage>
  );
}

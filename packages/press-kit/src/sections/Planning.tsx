/** @jsxRuntime automatic @jsxImportSource react */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { PROGRAMME_IN_PREPARATION, SESSION_KIND_LABELS } from "@tribune/domain/congress";
import { formatPrintedTime } from "@tribune/domain/format";
import type { PlanningDay, SectionOfKind } from "@tribune/domain/press-kit";
import type { GridCell } from "@tribune/domain/schedule";
import { SectionPage } from "../components/SectionPage";
import { SANS } from "../fonts";
import { type TextBox, textHeight } from "../measure";
import { colors, contentWidth, KIND_COLORS, LABELLED_KINDS, page } from "../theme";
import { fr } from "../typeset";
import { type CellPiece, placeCells } from "./lanes";

const TIME_WIDTH = 38;
const GAP = 1.5;
const PAD_X = 5;
const PAD_Y = 4;
const BAR = 2.5;
const MIN_ROW = 21;
const TITLE: Omit<TextBox, "width"> = { weight: 500, size: 8.4, lineHeight: 1.22 };
const LABEL: Omit<TextBox, "width"> = {
  weight: 700,
  size: 5.8,
  lineHeight: 1.25,
  letterSpacing: 0.5,
};
/** The title of a session sharing its column with an overlapping one: smaller, to fit its strip. */
const NARROW_TITLE: Omit<TextBox, "width"> = { weight: 500, size: 7, lineHeight: 1.2 };
const ROOM: Omit<TextBox, "width"> = { weight: 700, size: 7.8, lineHeight: 1.2 };
const ROOM_DETAIL: Omit<TextBox, "width"> = { weight: 400, size: 7, lineHeight: 1.2 };

const styles = StyleSheet.create({
  preparation: { fontFamily: SANS, fontWeight: 800, fontSize: 15, color: colors.coral },
  preparationNote: { fontFamily: SANS, fontSize: 10, color: colors.muted, marginTop: 6 },
  dayBand: {
    flexDirection: "row",
    alignItems: "baseline",
    justifyContent: "space-between",
    marginBottom: 10,
  },
  day: { fontFamily: SANS, fontWeight: 800, fontSize: 15, color: colors.coral, letterSpacing: 0.4 },
  dayNote: { fontFamily: SANS, fontSize: 7.5, color: colors.muted },
  table: { position: "relative", fontFamily: SANS },
  header: {
    position: "absolute",
    top: 0,
    backgroundColor: colors.navy,
    paddingHorizontal: PAD_X,
    paddingVertical: 5,
  },
  headerTime: { justifyContent: "flex-end" },
  room: {
    fontWeight: ROOM.weight,
    fontSize: ROOM.size,
    lineHeight: ROOM.lineHeight,
    color: colors.white,
  },
  roomDetail: {
    fontWeight: ROOM_DETAIL.weight,
    fontSize: ROOM_DETAIL.size,
    lineHeight: ROOM_DETAIL.lineHeight,
    color: "#C9D6E2",
  },
  rule: { position: "absolute", left: 0, height: 0.6, backgroundColor: colors.rule },
  time: {
    position: "absolute",
    left: 0,
    width: TIME_WIDTH - 4,
    paddingTop: PAD_Y + GAP,
    fontWeight: 700,
    fontSize: 8.4,
    color: colors.navy,
  },
  cell: {
    position: "absolute",
    paddingVertical: PAD_Y,
    paddingLeft: PAD_X,
    paddingRight: PAD_X - 1,
    borderLeftWidth: BAR,
  },
  kind: {
    fontWeight: LABEL.weight,
    fontSize: LABEL.size,
    lineHeight: LABEL.lineHeight,
    letterSpacing: LABEL.letterSpacing,
    textTransform: "uppercase",
    color: colors.muted,
    marginBottom: 1.5,
  },
  title: {
    fontWeight: TITLE.weight,
    fontSize: TITLE.size,
    lineHeight: TITLE.lineHeight,
    color: colors.ink,
  },
  narrowTitle: {
    fontWeight: NARROW_TITLE.weight,
    fontSize: NARROW_TITLE.size,
    lineHeight: NARROW_TITLE.lineHeight,
    color: colors.ink,
  },
  /** Sessions drawn side by side because they overlap: outlined, so that the clash shows. */
  overlapping: { borderWidth: 0.8, borderColor: colors.coral, borderLeftWidth: BAR },
  legend: { flexDirection: "row", flexWrap: "wrap", marginTop: 12, fontFamily: SANS },
  legendItem: { flexDirection: "row", alignItems: "center", marginRight: 12, marginBottom: 5 },
  legendSwatch: { width: 14, height: 9, borderLeftWidth: BAR, marginRight: 4 },
  legendLabel: { fontSize: 7.5, color: colors.ink },
});

/** "Salle 2 : Clos de Vougeot" → ["Salle 2", "Clos de Vougeot"]. */
function splitRoom(name: string): [string, string | null] {
  const at = name.indexOf(" : ");
  return at < 0 ? [name, null] : [name.slice(0, at), name.slice(at + 3)];
}

/** A small kind label above the title, unless the title already says it ("Conférence partenaire : …"). */
const labelled = (cell: GridCell) =>
  LABELLED_KINDS.includes(cell.kind) &&
  !cell.title
    .toLocaleLowerCase("fr")
    .startsWith(SESSION_KIND_LABELS[cell.kind].toLocaleLowerCase("fr"));

/** Height the grid may take on its page: the page less heading, day band and legend. */
const AVAILABLE_HEIGHT = page.height - page.marginTop - page.marginBottom - 165;
/** Rows grow to fill the page, but no more than this, so that a short day stays compact. */
const MAX_STRETCH = 1.45;

/**
 * Row heights for a day's grid, from the text each cell must hold: single-row cells first, then
 * spanning cells spread any shortfall over the rows they cross.
 */
export function layoutDay(day: PlanningDay, width = contentWidth, available = AVAILABLE_HEIGHT) {
  const columns = Math.max(day.grid.columns.length, 1);
  const columnWidth = (width - TIME_WIDTH) / columns;
  const pieces = placeCells(day.grid);
  const textWidth = (piece: CellPiece) =>
    (piece.colSpan * columnWidth) / piece.lanes - 2 * GAP - 2 * PAD_X - BAR;
  const need = (piece: CellPiece) =>
    textHeight(piece.cell.title, {
      ...(piece.lanes > 1 ? NARROW_TITLE : TITLE),
      width: textWidth(piece),
    }) +
    (labelled(piece.cell) ? LABEL.size * LABEL.lineHeight + 1.5 : 0) +
    2 * PAD_Y +
    2 * GAP +
    1;

  const heights = day.grid.rows.map(() => MIN_ROW);
  for (const piece of pieces.filter((p) => p.cell.rowSpan === 1)) {
    heights[piece.cell.row] = Math.max(heights[piece.cell.row] ?? MIN_ROW, need(piece));
  }
  for (const piece of pieces
    .filter((p) => p.cell.rowSpan > 1)
    .sort((a, b) => a.cell.rowSpan - b.cell.rowSpan)) {
    const { row, rowSpan } = piece.cell;
    const spanned = heights.slice(row, row + rowSpan);
    const shortfall = need(piece) - spanned.reduce((a, b) => a + b, 0);
    if (shortfall > 0) {
      for (let r = row; r < row + rowSpan; r += 1)
        heights[r] = (heights[r] ?? 0) + shortfall / rowSpan;
    }
  }

  const headerHeight =
    10 +
    Math.max(
      ...day.grid.columns.map((c) => {
        const [room, detail] = splitRoom(c.name);
        const w = columnWidth - 2 * PAD_X - 2;
        return (
          textHeight(room, { ...ROOM, width: w }) +
          (detail ? textHeight(detail, { ...ROOM_DETAIL, width: w }) : 0)
        );
      }),
    );
  const natural = heights.reduce((a, b) => a + b, 0);
  const stretch = Math.min(MAX_STRETCH, Math.max(1, (available - headerHeight) / natural));
  const tops: number[] = [];
  let y = headerHeight;
  for (const [r, h] of heights.entries()) {
    heights[r] = h * stretch;
    tops.push(y);
    y += h * stretch;
  }
  return { columnWidth, headerHeight, heights, tops, height: y, pieces };
}

export function DayTable({ day }: { day: PlanningDay }) {
  const { columnWidth, headerHeight, heights, tops, height, pieces } = layoutDay(day);
  const x = (column: number) => TIME_WIDTH + column * columnWidth;
  return (
    <View style={[styles.table, { height }]} wrap={false}>
      <View
        style={[
          styles.header,
          styles.headerTime,
          { left: 0, width: TIME_WIDTH - GAP, height: headerHeight },
        ]}
      >
        <Text style={styles.room}>Heure</Text>
      </View>
      {day.grid.columns.map((column, i) => {
        const [room, detail] = splitRoom(column.name);
        return (
          <View
            key={column.roomId}
            style={[
              styles.header,
              { left: x(i) + GAP, width: columnWidth - 2 * GAP, height: headerHeight },
            ]}
          >
            <Text style={styles.room}>{fr(room)}</Text>
            {detail && <Text style={styles.roomDetail}>{fr(detail)}</Text>}
          </View>
        );
      })}
      {day.grid.rows.map((row, r) => (
        <View key={row.startsAt}>
          <View style={[styles.rule, { top: tops[r] ?? 0, width: contentWidth }]} />
          <Text style={[styles.time, { top: tops[r] ?? 0 }]}>{formatPrintedTime(row.time)}</Text>
        </View>
      ))}
      {pieces.map((piece) => {
        const { cell, lane, lanes } = piece;
        const tint = KIND_COLORS[cell.kind];
        const top = (tops[cell.row] ?? 0) + GAP;
        const cellHeight =
          heights.slice(cell.row, cell.row + cell.rowSpan).reduce((a, b) => a + b, 0) - 2 * GAP;
        const strip = (piece.colSpan * columnWidth) / lanes;
        return (
          <View
            key={`${cell.sessionId}-${cell.column}-${piece.column}`}
            style={[
              styles.cell,
              lanes > 1 ? styles.overlapping : {},
              {
                top,
                left: x(piece.column) + lane * strip + GAP,
                width: strip - 2 * GAP,
                height: cellHeight,
                backgroundColor: tint.fill,
                borderLeftColor: tint.bar,
              },
            ]}
          >
            {labelled(cell) && (
              <Text style={styles.kind}>{fr(SESSION_KIND_LABELS[cell.kind])}</Text>
            )}
            <Text style={lanes > 1 ? styles.narrowTitle : styles.title}>{fr(cell.title)}</Text>
          </View>
        );
      })}
    </View>
  );
}

export function Legend({ day }: { day: PlanningDay }) {
  const overlaps = placeCells(day.grid).some((p) => p.lanes > 1);
  return (
    <View style={styles.legend} wrap={false}>
      {day.legend.map((entry) => {
        const tint = KIND_COLORS[entry.kind];
        return (
          <View key={entry.kind} style={styles.legendItem}>
            <View
              style={[
                styles.legendSwatch,
                { backgroundColor: tint.fill, borderLeftColor: tint.bar },
              ]}
            />
            <Text style={styles.legendLabel}>{fr(entry.label)}</Text>
          </View>
        );
      })}
      {overlaps && (
        <View style={styles.legendItem}>
          <View
            style={[styles.legendSwatch, styles.overlapping, { borderLeftColor: colors.coral }]}
          />
          <Text style={styles.legendLabel}>{fr("Sessions simultanées dans une même salle")}</Text>
        </View>
      )}
    </View>
  );
}

/** One page per day: the grid with time down and rooms across, whole-venue entries spanning. */
export function Planning({ section }: { section: SectionOfKind<"planning"> }) {
  // A new edition, nothing published yet: one page says so (the contents still point to it).
  if (section.content.days.length === 0)
    return (
      <SectionPage section={section}>
        <Text style={styles.preparation}>{fr(PROGRAMME_IN_PREPARATION)}</Text>
        <Text style={styles.preparationNote}>
          {fr("Le planning du congrès paraîtra ici dès que ses sessions seront publiées.")}
        </Text>
      </SectionPage>
    );
  return section.content.days.map((day, i) => (
    <SectionPage key={day.day} section={section} first={i === 0}>
      <View style={styles.dayBand}>
        <Text style={styles.day}>{fr(day.label.toUpperCase())}</Text>
        <Text style={styles.dayNote}>{fr("Horaires en heure de Paris")}</Text>
      </View>
      <DayTable day={day} />
      <Legend day={day} />
    </SectionPage>
  ));
}

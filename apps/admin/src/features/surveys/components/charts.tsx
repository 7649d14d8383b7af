import { formatDayMonth, formatNumber } from "@tribune/domain/format";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/**
 * The survey pages' charts (recharts), loaded with those pages only. Every chart has a table
 * beside it with the same figures: the table is what screen readers and suppression notes use;
 * the chart is marked decorative.
 */

const BRAND = "#1f4e8c";
const GRID = "#d8dde6";
const fr = (x: number) => formatNumber(x, { maxDecimals: 1 });

export interface BarDatum {
  label: string;
  value: number | null;
}

/** Horizontal bars; a suppressed (null) value draws no bar and its label says "masqué". */
export function HorizontalBars({ data, unit = "" }: { data: readonly BarDatum[]; unit?: string }) {
  const rows = data.map((d) => ({
    label: d.value === null ? `${d.label} (masqué)` : d.label,
    value: d.value ?? 0,
  }));
  const height = Math.max(160, rows.length * 28 + 40);
  return (
    // Hidden from assistive technology (the figures are in the table beside it), so nothing
    // inside may take the focus either: recharts' keyboard layer is off.
    <div className="chart" style={{ height }} aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ left: 8, right: 24 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={GRID} horizontal={false} />
          <XAxis type="number" tickFormatter={fr} unit={unit} />
          <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v) => `${fr(Number(v))}${unit}`} />
          <Bar dataKey="value" fill={BRAND} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Responses over time: each day's answers as bars, the running total as a line. */
export function ResponsesOverTime({
  data,
}: {
  data: readonly { day: string; responses: number; cumulative: number }[];
}) {
  const rows = data.map((d) => ({
    ...d,
    label: formatDayMonth(d.day),
  }));
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tickFormatter={fr} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="responses"
            name="Réponses du jour"
            fill="#c7d7ee"
            maxBarSize={48}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="cumulative"
            name="Total cumulé"
            stroke={BRAND}
            strokeWidth={2}
            dot={rows.length < 40}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

const SERIES_COLOURS = [
  "#1f4e8c",
  "#c0392b",
  "#2e8b57",
  "#b7791f",
  "#6b46c1",
  "#0f766e",
  "#9d174d",
];

/**
 * One line per shown subdivision: its cumulative responses day by day. Masked subdivisions and
 * masked days draw nothing (the table beside says "masqué").
 */
export function SubdivisionsOverTime({
  names,
  data,
}: {
  /** The subdivisions, in the order of each day's `cumulative`. */
  names: readonly string[];
  data: readonly { day: string; cumulative: readonly (number | null)[] }[];
}) {
  const shown = names.flatMap((name, i) =>
    data.some((d) => d.cumulative[i] !== null) ? [{ name, i }] : [],
  );
  const rows = data.map((d) => ({
    label: formatDayMonth(d.day),
    ...Object.fromEntries(shown.map(({ i }) => [`s${i}`, d.cumulative[i] ?? undefined])),
  }));
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tickFormatter={fr} />
          <Tooltip />
          <Legend />
          {shown.map(({ name, i }, k) => (
            <Line
              key={name}
              type="stepAfter"
              dataKey={`s${i}`}
              name={name}
              stroke={SERIES_COLOURS[k % SERIES_COLOURS.length]}
              strokeWidth={2}
              dot={rows.length < 40}
              isAnimationActive={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

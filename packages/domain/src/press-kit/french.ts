import { parseISO } from "date-fns";
import {
  capitalise,
  dayOfMonth,
  formatCongressDay,
  formatDay,
  formatNumber,
  formatPercentPoints,
  MONTHS,
  WEEKDAYS,
} from "../format";
import { FIGURE_PLACEHOLDER_SHORT, type KeyFigure } from "./model";

/** "2026-01-22" → "Jeudi". */
export function weekdayLabel(day: string): string {
  return capitalise(WEEKDAYS[parseISO(day).getDay()] ?? "");
}

/** "2026-01-22" → "Jeudi 22 janvier", or "Jeudi 22 janvier 2026" with the year. */
export function dayLabel(day: string, { year = false } = {}): string {
  return capitalise(year ? formatDay(day) : formatCongressDay(day));
}

/** The cover's dates: "22 & 23 janvier 2026", "30, 31 janvier & 1er février 2026". */
export function datesLabel(days: string[]): string {
  const dates = days.map((d) => parseISO(d));
  const last = dates.at(-1);
  if (!last) return "";
  const parts = dates.map((d, i) => {
    const next = dates[i + 1];
    const sameMonthAsNext = next !== undefined && next.getMonth() === d.getMonth();
    const date = dayOfMonth(d.getDate());
    return sameMonthAsNext ? date : `${date} ${MONTHS[d.getMonth()]}`;
  });
  const head = parts.slice(0, -1).join(", ");
  return `${head ? `${head} & ` : ""}${parts.at(-1)} ${last.getFullYear()}`;
}

/** "59", "89,4 %" — French digits, a narrow no-break space before "%"; the placeholder if not computed. */
export function formatFigure(figure: Pick<KeyFigure, "value" | "unit" | "decimals">): string {
  if (figure.value === null) return FIGURE_PLACEHOLDER_SHORT;
  const decimals = { minDecimals: figure.decimals, maxDecimals: figure.decimals };
  return figure.unit === "percent"
    ? formatPercentPoints(figure.value, decimals)
    : formatNumber(figure.value, decimals);
}

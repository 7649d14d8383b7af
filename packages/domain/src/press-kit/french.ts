import { parseISO } from "date-fns";
import { FIGURE_PLACEHOLDER_SHORT, type KeyFigure } from "./model";

const WEEKDAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const dayOfMonth = (d: Date) => (d.getDate() === 1 ? "1er" : String(d.getDate()));

/** "2026-01-22" → "Jeudi". */
export function weekdayLabel(day: string): string {
  return capitalise(WEEKDAYS[parseISO(day).getDay()] ?? "");
}

/** "2026-01-22" → "Jeudi 22 janvier", or "Jeudi 22 janvier 2026" with the year. */
export function dayLabel(day: string, { year = false } = {}): string {
  const d = parseISO(day);
  const label = `${weekdayLabel(day)} ${dayOfMonth(d)} ${MONTHS[d.getMonth()]}`;
  return year ? `${label} ${d.getFullYear()}` : label;
}

/** The cover's dates: "22 & 23 janvier 2026", "30, 31 janvier & 1er février 2026". */
export function datesLabel(days: string[]): string {
  const dates = days.map((d) => parseISO(d));
  const last = dates.at(-1);
  if (!last) return "";
  const parts = dates.map((d, i) => {
    const next = dates[i + 1];
    const sameMonthAsNext = next !== undefined && next.getMonth() === d.getMonth();
    return sameMonthAsNext ? dayOfMonth(d) : `${dayOfMonth(d)} ${MONTHS[d.getMonth()]}`;
  });
  const head = parts.slice(0, -1).join(", ");
  return `${head ? `${head} & ` : ""}${parts.at(-1)} ${last.getFullYear()}`;
}

/** "59", "89,4 %" — French digits, a narrow no-break space before "%"; the placeholder if not computed. */
export function formatFigure(figure: Pick<KeyFigure, "value" | "unit" | "decimals">): string {
  if (figure.value === null) return FIGURE_PLACEHOLDER_SHORT;
  const digits = new Intl.NumberFormat("fr-FR", {
    minimumFractionDigits: figure.decimals,
    maximumFractionDigits: figure.decimals,
  }).format(figure.value);
  return figure.unit === "percent" ? `${digits}\u202F%` : digits;
}

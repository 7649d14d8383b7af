import { localDay, localTime, PARIS } from "../kernel/time";

/**
 * French dates and times, always read in Europe/Paris (or the edition's zone when one is
 * given). Pure: no locale data, no I/O — the same text on the server, in a browser and in a
 * terminal.
 *
 * Two date styles, one each for prose and for tables:
 * - written, in running text: "jeudi 22 janvier 2026" (`formatDay`), "22 janvier 2026"
 *   (`formatDate`); the first of the month is "1er";
 * - compact, in tables, lists and terminals: "22/01/2026" (`formatShortDate`).
 * Times are "14:30", ranges "14:30–16:00" (an en dash, no spaces).
 */

export const WEEKDAYS = [
  "dimanche",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
] as const;
export const MONTHS = [
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
] as const;

/** A calendar day ("2026-01-22"), or an instant (ISO string with a zone, or a Date). */
export type DayOrInstant = string | Date;

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
const RANGE = "–";

/**
 * The calendar day ("2026-01-22") a value names: a day as it is, an instant as the day it
 * falls on in the zone ("2026-06-30T22:30:00Z" is 1 July in Paris).
 */
export function calendarDay(value: DayOrInstant, timeZone = PARIS): string {
  if (typeof value === "string" && CALENDAR_DAY.test(value)) return value;
  return localDay(typeof value === "string" ? value : value.toISOString(), timeZone);
}

function partsOf(value: DayOrInstant, timeZone: string) {
  const day = calendarDay(value, timeZone);
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return { day, year, month, date, weekday };
}

const instantOf = (value: string | Date) =>
  typeof value === "string" ? value : value.toISOString();
const two = (n: number) => String(n).padStart(2, "0");

/** "jeudi 22 janvier" → "Jeudi 22 janvier", for text that starts a sentence or a title. */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The day of the month as French writes it: "1er", "2", … "31". */
export const dayOfMonth = (date: number) => (date === 1 ? "1er" : String(date));

/** "22 janvier 2026", "1er mai 2026": a date in running text (a dossier's timeline, a deadline). */
export function formatDate(value: DayOrInstant, timeZone = PARIS): string {
  const { year, month, date } = partsOf(value, timeZone);
  return `${dayOfMonth(date)} ${MONTHS[month - 1]} ${year}`;
}

/** "jeudi 22 janvier 2026": a day someone attends, in running text. */
export function formatDay(value: DayOrInstant, timeZone = PARIS): string {
  const { weekday } = partsOf(value, timeZone);
  return `${WEEKDAYS[weekday]} ${formatDate(value, timeZone)}`;
}

/**
 * "jeudi 22 janvier": a day of the congress on a page that already names the edition and its
 * year (day tabs, a room's opening days, a speaker's unavailability). Anywhere else, `formatDay`.
 */
export function formatCongressDay(value: DayOrInstant, timeZone = PARIS): string {
  const { weekday, month, date } = partsOf(value, timeZone);
  return `${WEEKDAYS[weekday]} ${dayOfMonth(date)} ${MONTHS[month - 1]}`;
}

/** "22/01/2026": a date in a table, a list or a terminal. */
export function formatShortDate(value: DayOrInstant, timeZone = PARIS): string {
  const { year, month, date } = partsOf(value, timeZone);
  return `${two(date)}/${two(month)}/${year}`;
}

/** "22/01": a chart's axis, or a day of the current year named in passing. */
export function formatDayMonth(value: DayOrInstant, timeZone = PARIS): string {
  const { month, date } = partsOf(value, timeZone);
  return `${two(date)}/${two(month)}`;
}

/** "14:30", the wall-clock time of an instant. */
export function formatTime(instant: string | Date, timeZone = PARIS): string {
  return localTime(instantOf(instant), timeZone);
}

/** "14:30–16:00". */
export function formatTimeRange(
  start: string | Date,
  end: string | Date,
  timeZone = PARIS,
): string {
  return `${formatTime(start, timeZone)}${RANGE}${formatTime(end, timeZone)}`;
}

/** "22/01/2026 14:30": a timestamp (audit log, last change, registration), never ISO UTC. */
export function formatDateTime(instant: string | Date, timeZone = PARIS): string {
  return `${formatShortDate(instant, timeZone)} ${formatTime(instant, timeZone)}`;
}

/**
 * "22/01/2026 14:30–16:00", compact; a slot over two days repeats the date:
 * "22/01/2026 22:00 – 23/01/2026 02:00".
 */
export function formatSlot(start: string | Date, end: string | Date, timeZone = PARIS): string {
  return calendarDay(start, timeZone) === calendarDay(end, timeZone)
    ? `${formatShortDate(start, timeZone)} ${formatTimeRange(start, end, timeZone)}`
    : `${formatDateTime(start, timeZone)} ${RANGE} ${formatDateTime(end, timeZone)}`;
}

/**
 * "jeudi 22 janvier, 14:30–16:00": a slot of the congress in running text; over two days,
 * "du jeudi 22 janvier, 22:00 au vendredi 23 janvier, 02:00".
 */
export function formatCongressSlot(
  start: string | Date,
  end: string | Date,
  timeZone = PARIS,
): string {
  const opens = `${formatCongressDay(start, timeZone)}, ${formatTime(start, timeZone)}`;
  return calendarDay(start, timeZone) === calendarDay(end, timeZone)
    ? `${opens}${RANGE}${formatTime(end, timeZone)}`
    : `du ${opens} au ${formatCongressDay(end, timeZone)}, ${formatTime(end, timeZone)}`;
}

/**
 * An edition's days as a phrase: "du jeudi 22 au vendredi 23 janvier 2026" (the month and the
 * year said once when shared), "le jeudi 22 janvier 2026" for one day.
 */
export function formatEditionDates(firstDay: string, lastDay: string): string {
  const first = partsOf(firstDay, PARIS);
  const last = partsOf(lastDay, PARIS);
  if (first.day === last.day) return `le ${formatDay(firstDay)}`;
  const sameYear = first.year === last.year;
  const sameMonth = sameYear && first.month === last.month;
  const start = sameMonth
    ? `${WEEKDAYS[first.weekday]} ${dayOfMonth(first.date)}`
    : sameYear
      ? formatCongressDay(firstDay)
      : formatDay(firstDay);
  return `du ${start} au ${formatDay(lastDay)}`;
}

/** "08:00" → "8h00", as the printed press kit writes times (its reference typography). */
export function formatPrintedTime(time: string): string {
  const [h = "0", m = "00"] = time.split(":");
  return `${Number(h)}h${m}`;
}

import { TZDate } from "@date-fns/tz";
import { addDays, eachDayOfInterval, format, parseISO } from "date-fns";
import { z } from "zod";

/** Congress wall time is always shown in the edition's zone; instants travel as ISO strings. */
export const PARIS = "Europe/Paris";

/**
 * Dates people may give: years 2000 to 2100. A year 1 or 9999 is a typo (stored, it would
 * reach the programme, or a database that reads it otherwise); impossible days (30 February)
 * are refused by the format itself.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
const inYearRange = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
};
const YEAR_RANGE_ERROR = `Date hors des années ${FIRST_YEAR} à ${LAST_YEAR}.`;

export const IsoDate = z.iso
  .date({ error: "Date attendue au format AAAA-MM-JJ." })
  .refine(inYearRange, { error: YEAR_RANGE_ERROR });
export const Instant = z.iso
  .datetime({ offset: true, error: "Horodatage ISO 8601 attendu." })
  .refine(inYearRange, { error: YEAR_RANGE_ERROR });
export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Heure attendue au format HH:MM." });

/** "2026-01-22" + "08:00" in Europe/Paris → "2026-01-22T07:00:00.000Z". */
export function instantFromLocal(day: string, time: string, timeZone = PARIS): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime()).toISOString();
}

/**
 * Wall time of an instant costs a TZDate (several Intl calls, ≈20 µs): the programme grid and
 * the conflict finder ask for the same few hundred instants on every change of a session, so
 * the answers are kept, per zone and instant (pure functions; cleared when the cache is full).
 */
const MEMO_LIMIT = 20_000;
function memoised<T>(compute: (instant: string, timeZone: string) => T) {
  const cache = new Map<string, T>();
  return (instant: string, timeZone: string): T => {
    const key = `${timeZone}|${instant}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(instant, timeZone);
      if (cache.size >= MEMO_LIMIT) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}

const dayOf = memoised((instant, timeZone) => format(new TZDate(instant, timeZone), "yyyy-MM-dd"));
const minutesOf = memoised((instant, timeZone) => {
  const t = new TZDate(instant, timeZone);
  return t.getHours() * 60 + t.getMinutes();
});

/** The local calendar day ("2026-01-22") of an instant. */
export function localDay(instant: string, timeZone = PARIS): string {
  return dayOf(instant, timeZone);
}

/** The local wall-clock time ("08:00") of an instant. */
export function localTime(instant: string, timeZone = PARIS): string {
  return format(new TZDate(instant, timeZone), "HH:mm");
}

/** Minutes since local midnight; lets a grid place an instant on its day. */
export function localMinutes(instant: string, timeZone = PARIS): number {
  return minutesOf(instant, timeZone);
}

/** Every calendar day from first to last, inclusive. */
export function daysBetween(firstDay: string, lastDay: string): string[] {
  return eachDayOfInterval({ start: parseISO(firstDay), end: parseISO(lastDay) }).map((d) =>
    format(d, "yyyy-MM-dd"),
  );
}

/** The instant the local day after `day` begins, i.e. the exclusive end of `day`. */
export function endOfLocalDay(day: string, timeZone = PARIS): string {
  return instantFromLocal(format(addDays(parseISO(day), 1), "yyyy-MM-dd"), "00:00", timeZone);
}

export const overlaps = (a: { startsAt: string; endsAt: string }, b: typeof a) =>
  Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

import { formatDay } from "../../format";

/** The edition's dates as a sentence: "du jeudi 22 au vendredi 23 janvier 2026". */
export function formatEditionDates(firstDay: string, lastDay: string): string {
  const year = lastDay.slice(0, 4);
  if (firstDay === lastDay) return `le ${formatDay(firstDay)} ${year}`;
  const [first, last] = [formatDay(firstDay), formatDay(lastDay)];
  const sameMonth = firstDay.slice(0, 7) === lastDay.slice(0, 7);
  // Same month: the month is said once, at the end ("du jeudi 22 au vendredi 23 janvier").
  const start = sameMonth ? first.split(" ").slice(0, 2).join(" ") : first;
  const sameYear = firstDay.slice(0, 4) === year;
  return `du ${start}${sameYear ? "" : ` ${firstDay.slice(0, 4)}`} au ${last} ${year}`;
}

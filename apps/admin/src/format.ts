/** French, Europe/Paris formatting shared by every page. */
const TZ = "Europe/Paris";

const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TZ,
  weekday: "long",
  day: "numeric",
  month: "long",
});
const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TZ,
  dateStyle: "short",
  timeStyle: "short",
});
const timeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TZ,
  hour: "2-digit",
  minute: "2-digit",
});

/**
 * "2026-01-22" → "jeudi 22 janvier", "2026-05-01" → "vendredi 1er mai" (noon UTC keeps the
 * calendar day in every zone; French writes the first of the month as an ordinal).
 */
export const formatDay = (isoDay: string) => {
  const text = dayFormat.format(new Date(`${isoDay}T12:00:00Z`));
  return isoDay.endsWith("-01") ? text.replace(/ 1 /, " 1er ") : text;
};
export const formatDateTime = (instant: string) => dateTimeFormat.format(new Date(instant));
export const formatTime = (instant: string) => timeFormat.format(new Date(instant));

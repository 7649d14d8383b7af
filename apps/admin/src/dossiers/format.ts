const longDate = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "13 octobre 2023": a dossier's timeline spans years, so the year is always written. */
export const formatLongDate = (isoDay: string) => longDate.format(new Date(`${isoDay}T00:00:00Z`));

/**
 * The one French formatting module: dates and times in Europe/Paris, numbers, percentages,
 * euros and counts. Every front end (admin, dashboard, CLIs) and the press kit format through
 * it: `import { formatDay } from "@tribune/domain/format"`.
 */
export * from "./dates";
export * from "./numbers";

import { z } from "zod";
import { int } from "../input";
import { IsoDate, PARIS } from "../time";

/** An edition as everyone sees it (the public pages, programme.json): without its budget. */
export const Edition = z.object({
  id: z.uuid(),
  number: z.int().positive(),
  year: z.int().min(2000).max(2100),
  theme: z.string().min(1),
  subtitle: z.string(),
  city: z.string().min(1),
  venue: z.string().min(1),
  firstDay: IsoDate,
  lastDay: IsoDate,
  timeZone: z.string().default(PARIS),
  expectedAttendance: z.int().nonnegative(),
});
export type Edition = z.infer<typeof Edition>;

/** An edition with its budget, as stored: shown to EDITION_BUDGET_READERS only. */
export const EditionWithBudget = Edition.extend({ budgetEuros: z.int().nonnegative() });
export type EditionWithBudget = z.infer<typeof EditionWithBudget>;

export const EditionYear = z.object({ year: int({ min: 2000, max: 2100 }) });

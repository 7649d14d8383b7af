import { z } from "zod";
import { coarsenCount, suppressedKeys, withheldResults } from "./disclosure";
import { ResultsWithheld } from "./results";
import { effectiveThreshold, profileQuestion, type Survey } from "./survey";

/**
 * Response collection status of a survey: how many answered, per subdivision (the standard
 * profile question) and per day. Per-subdivision counts go through the same disclosure control
 * as the results (primary and complementary suppression): a small subdivision's participation
 * is not shown, nor recoverable from the total.
 *
 * While a sensitive survey's results are withheld (see `resultsVisibility`), the collection is
 * progress only: the total and the running total per day in steps of the threshold, no count per
 * subdivision (the subdivision is an answer too).
 */
export const SurveyCollection = z.object({
  surveyId: z.uuid(),
  threshold: z.int(),
  /** In steps of `withheld.step` while the results are withheld. */
  total: z.int().nonnegative(),
  synthetic: z.boolean(),
  withheld: ResultsWithheld.nullable(),
  bySubdivision: z.array(
    z.object({
      /** Null for "no answer" or an answer that names no known subdivision. */
      subdivisionId: z.uuid().nullable(),
      subdivision: z.string(),
      /** Null: suppressed by the survey's disclosure threshold. */
      responses: z.int().nonnegative().nullable(),
    }),
  ),
  byDay: z.array(
    z.object({
      day: z.iso.date(),
      responses: z.int().nonnegative(),
      cumulative: z.int().nonnegative(),
    }),
  ),
  /**
   * One series per subdivision over time: for each day of `byDay`, the cumulative responses of
   * each subdivision, in the order of `bySubdivision`; null: masked (see `subdivisionSeries`).
   */
  bySubdivisionOverTime: z.array(
    z.object({
      day: z.iso.date(),
      cumulative: z.array(z.int().nonnegative().nullable()),
    }),
  ),
});
export type SurveyCollection = z.infer<typeof SurveyCollection>;

const NO_ANSWER = "Sans réponse";

export function buildCollection(input: {
  survey: Pick<Survey, "id" | "questions" | "disclosureThreshold" | "status" | "sensitivity">;
  /** Subdivisions, to give each answer (a subdivision's slug) its id. */
  subdivisions: readonly { id: string; slug: string }[];
  /** Responses per answer to the subdivision question (null key: not answered). */
  subdivisionCounts: readonly { key: string | null; n: number }[];
  dayCounts: readonly { day: string; n: number }[];
  /** Responses per answer to the subdivision question and per day. */
  subdivisionDayCounts?: readonly { key: string | null; day: string; n: number }[];
  synthetic: boolean;
}): SurveyCollection {
  const threshold = effectiveThreshold(input.survey.disclosureThreshold);
  const total = input.dayCounts.reduce((s, d) => s + d.n, 0);
  const question = profileQuestion(input.survey, "subdivision");
  const withheld = withheldResults(input.survey, total);
  if (withheld) return withheldCollection(input, question, withheld);
  let bySubdivision: SurveyCollection["bySubdivision"] = [];
  let groupKeys: string[] = [];
  if (question) {
    const counts = new Map(input.subdivisionCounts.map((c) => [c.key, c.n]));
    const ids = new Map(input.subdivisions.map((s) => [s.slug, s.id]));
    const groups = [
      ...question.choices.map((c) => ({
        key: c.value,
        label: c.label,
        n: counts.get(c.value) ?? 0,
      })),
      ...(counts.has(null) ? [{ key: null, label: NO_ANSWER, n: counts.get(null) ?? 0 }] : []),
    ];
    // "" cannot be a choice code, so it stands for "no answer" in the suppression keys.
    const hidden = suppressedKeys(
      groups.map((g) => ({ key: g.key ?? "", n: g.n })),
      threshold,
    );
    groupKeys = groups.map((g) => g.key ?? "");
    bySubdivision = groups.map((g) => ({
      subdivisionId: g.key === null ? null : (ids.get(g.key) ?? null),
      subdivision: g.label,
      responses: hidden.has(g.key ?? "") ? null : g.n,
    }));
  }
  let cumulative = 0;
  const byDay = [...input.dayCounts]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((d) => {
      cumulative += d.n;
      return { day: d.day, responses: d.n, cumulative };
    });
  return {
    surveyId: input.survey.id,
    threshold,
    total,
    synthetic: input.synthetic,
    withheld: null,
    bySubdivision,
    byDay,
    bySubdivisionOverTime: question
      ? subdivisionSeries({
          threshold,
          days: byDay,
          keys: groupKeys,
          shown: bySubdivision.map((g) => g.responses !== null),
          counts: input.subdivisionDayCounts ?? [],
        })
      : [],
  };
}

/**
 * Progress only: every subdivision masked, and the running total in steps of the threshold — a
 * day is listed only when the total reaches a new step, so that neither the days nor their
 * counts tell one response from the next.
 */
function withheldCollection(
  input: Parameters<typeof buildCollection>[0],
  question: ReturnType<typeof profileQuestion>,
  withheld: ResultsWithheld,
): SurveyCollection {
  const ids = new Map(input.subdivisions.map((s) => [s.slug, s.id]));
  const byDay: SurveyCollection["byDay"] = [];
  let exact = 0;
  let shown = 0;
  for (const d of [...input.dayCounts].sort((a, b) => a.day.localeCompare(b.day))) {
    exact += d.n;
    const cumulative = coarsenCount(exact, withheld.step);
    if (cumulative > shown) byDay.push({ day: d.day, responses: cumulative - shown, cumulative });
    shown = cumulative;
  }
  return {
    surveyId: input.survey.id,
    threshold: effectiveThreshold(input.survey.disclosureThreshold),
    total: withheld.received,
    synthetic: input.synthetic,
    withheld,
    bySubdivision: (question?.choices ?? []).map((c) => ({
      subdivisionId: ids.get(c.value) ?? null,
      subdivision: c.label,
      responses: null,
    })),
    byDay,
    bySubdivisionOverTime: [],
  };
}

/**
 * Cumulative responses per subdivision, day by day, under a disclosure control that holds over
 * time. The rule:
 *
 * 1. ONE suppression pattern for the whole series: the latest day's (the `bySubdivision`
 *    table, primary and complementary suppression; a subdivision nobody answered from is 0
 *    throughout and takes no part in the rule). A subdivision is never shown on one day
 *    and masked on another, so the difference between two days — or between a day's total
 *    (`byDay`, public) and its shown cells — only ever gives the increment of a shown
 *    subdivision, or of the masked ones together (at least two, adding up to the threshold).
 * 2. A day is shown only if the pattern holds on it: every shown subdivision, and the masked
 *    ones together, at or above the threshold. Counts only grow, so once it holds it holds
 *    every later day; before, every cell is masked.
 * 3. The series does not start on a day where exactly ONE of those counts is within the day's
 *    responses of the threshold. Starting there would say that the day before, it — the only
 *    one that could — was below the threshold; with a single response that day, its masked
 *    count of the day before (threshold − 1) would be given away. With none close, every count
 *    already stood at or above the threshold the day before; with two or more, nobody can tell
 *    which of them was below it.
 */
function subdivisionSeries(input: {
  threshold: number;
  days: readonly { day: string; responses: number }[];
  /** Suppression keys of the subdivisions, in the order of `bySubdivision` ("" = no answer). */
  keys: readonly string[];
  /** Whether each subdivision is shown in the latest day's pattern. */
  shown: readonly boolean[];
  counts: readonly { key: string | null; day: string; n: number }[];
}): SurveyCollection["bySubdivisionOverTime"] {
  const { threshold, keys, shown } = input;
  const index = new Map(keys.map((k, i) => [k, i]));
  const perDay = new Map<string, number[]>();
  for (const c of input.counts) {
    const i = index.get(c.key ?? "");
    if (i === undefined) continue;
    const row = perDay.get(c.day) ?? keys.map(() => 0);
    row[i] = (row[i] ?? 0) + c.n;
    perDay.set(c.day, row);
  }
  const masked = shown.filter((s) => !s).length;
  // A subdivision nobody answered from is 0 on every day: shown, it tells nothing, and it has
  // no threshold to reach.
  const final = keys.map(() => 0);
  for (const row of perDay.values())
    for (const [i, n] of row.entries()) final[i] = (final[i] ?? 0) + n;
  const cumulative = keys.map(() => 0);
  let started = false;
  return input.days.map(({ day, responses }) => {
    for (const [i, n] of (perDay.get(day) ?? []).entries())
      cumulative[i] = (cumulative[i] ?? 0) + n;
    const maskedSum = cumulative.reduce((s, n, i) => (shown[i] ? s : s + n), 0);
    // The counts the pattern needs at or above the threshold: each shown one, the masked sum.
    const needed = [
      ...cumulative.filter((_, i) => shown[i] && (final[i] ?? 0) > 0),
      ...(masked > 0 ? [maskedSum] : []),
    ];
    const holds = masked !== 1 && masked < keys.length && needed.every((n) => n >= threshold);
    const close = needed.filter((n) => n - responses < threshold).length;
    started ||= holds && close !== 1;
    return { day, cumulative: cumulative.map((n, i) => (started && shown[i] ? n : null)) };
  });
}

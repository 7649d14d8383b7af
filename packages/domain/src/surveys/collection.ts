import { z } from "zod";
import { suppressedKeys } from "./disclosure";
import { effectiveThreshold, profileQuestion, type Survey } from "./survey";

/**
 * Response collection status of a survey: how many answered, per subdivision (the standard
 * profile question) and per day. Per-subdivision counts go through the same disclosure control
 * as the results (primary and complementary suppression): a small subdivision's participation
 * is not shown, nor recoverable from the total.
 */
export const SurveyCollection = z.object({
  surveyId: z.uuid(),
  threshold: z.int(),
  total: z.int().nonnegative(),
  synthetic: z.boolean(),
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
});
export type SurveyCollection = z.infer<typeof SurveyCollection>;

const NO_ANSWER = "Sans réponse";

export function buildCollection(input: {
  survey: Pick<Survey, "id" | "questions" | "disclosureThreshold">;
  /** Subdivisions, to give each answer (a subdivision's slug) its id. */
  subdivisions: readonly { id: string; slug: string }[];
  /** Responses per answer to the subdivision question (null key: not answered). */
  subdivisionCounts: readonly { key: string | null; n: number }[];
  dayCounts: readonly { day: string; n: number }[];
  synthetic: boolean;
}): SurveyCollection {
  const threshold = effectiveThreshold(input.survey.disclosureThreshold);
  const total = input.dayCounts.reduce((s, d) => s + d.n, 0);
  const question = profileQuestion(input.survey, "subdivision");
  let bySubdivision: SurveyCollection["bySubdivision"] = [];
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
    bySubdivision,
    byDay,
  };
}

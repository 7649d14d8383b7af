import type { Executor } from "@tribune/db";
import { visibleFreeTextAnswers } from "@tribune/db/repos/survey-free-text";
import { aggregate, aggregateMany, choiceCounts, responseStats } from "@tribune/db/repos/surveys";
import { enforce } from "@tribune/domain/kernel";
import {
  buildQuestionResult,
  decideResultQuery,
  type Question,
  type QuestionResult,
  type ResultQuery,
  type ResultTally,
  type Statistic,
  type Survey,
  withheldResults,
} from "@tribune/domain/surveys";
import type { z } from "zod";
import type { Actor } from "../../context";
import type { ServiceContext } from "../kit";
import { surveyOf } from "./get";

/**
 * Results are read here, from the SQL aggregates of `@tribune/db`, and shown through the
 * domain's disclosure control (`buildQuestionResult`): every reader of survey data (results,
 * exports) goes through `readQuestionResult`.
 */

/** A statistic that counts who answered, whatever they answered. */
const ANSWERED: Statistic = { kind: "share_choice", choices: ["__"] };
const NUMERIC_STATISTICS: Statistic[] = [
  { kind: "mean" },
  { kind: "quantile", p: 0.5 },
  { kind: "quantile", p: 0.25 },
  { kind: "quantile", p: 0.75 },
];

/** One question's counts, for the whole survey (`by` null) or per answer to `by`. */
async function tallies(
  db: Executor,
  survey: Survey,
  q: Question,
  by: string | null,
): Promise<ResultTally[]> {
  if (q.type === "number" || q.type === "likert") {
    // Mean and quartiles of every group in one pass.
    const many = await aggregateMany(db, {
      survey,
      groupBy: by,
      statistics: NUMERIC_STATISTICS.map((statistic) => ({ questionId: q.id, statistic })),
    });
    return many
      .filter((r) => (r.values[0]?.n ?? 0) > 0)
      .map((r) => {
        const [mean, median, q1, q3] = r.values.map((v) => v.value);
        return {
          key: r.key,
          n: r.values[0]?.n ?? 0,
          stats: { mean: mean ?? null, median: median ?? null, q1: q1 ?? null, q3: q3 ?? null },
          choices: new Map(),
        };
      });
  }
  const base = { survey, questionId: q.id, groupBy: by };
  const [rows, counts] = await Promise.all([
    aggregate(db, { ...base, statistic: ANSWERED }),
    q.type === "text" ? [] : choiceCounts(db, base),
  ]);
  return rows.map((r) => ({
    key: r.key,
    n: r.n,
    stats: null,
    choices: new Map(counts.filter((c) => c.group === r.key).map((c) => [c.choice, c.n])),
  }));
}

/**
 * The results of one question (checked by `decideResultQuery` or `decideResultsExport`). Free
 * text is read only with `freeText: "read"`, for a reader the decision let read it; exports pass
 * "omit" and never read it at all.
 */
export async function readQuestionResult(
  db: Executor,
  survey: Survey,
  question: Question,
  group: Question | null,
  { freeText }: { freeText: "read" | "omit" },
): Promise<QuestionResult> {
  const withheld = withheldResults(survey, (await responseStats(db, survey.id)).n);
  if (withheld) return buildQuestionResult({ survey, question, group, withheld });
  const [overall, groups, texts] = await Promise.all([
    tallies(db, survey, question, null),
    group ? tallies(db, survey, question, group.id) : [],
    question.type === "text" && freeText === "read"
      ? visibleFreeTextAnswers(db, survey.id, question.id)
      : null,
  ]);
  return buildQuestionResult({
    survey,
    question,
    group,
    withheld: null,
    overall: overall[0] ?? null,
    groups,
    texts,
  });
}

/**
 * Aggregated results of one question, overall or broken down, disclosure control applied.
 * Health data (mental health): breakdowns and free text for admin and bureau only, and while
 * the survey collects, nothing but the number of responses in steps (`withheld`).
 */
export async function questionResults(
  ctx: ServiceContext & { actor: Actor },
  input: z.output<typeof ResultQuery>,
): Promise<QuestionResult> {
  const survey = await surveyOf(ctx.db, input.surveyId);
  const { question, group } = enforce(decideResultQuery(survey, input, ctx.actor.role));
  return readQuestionResult(ctx.db, survey, question, group, { freeText: "read" });
}

import { listSubdivisionOptions } from "@tribune/db/repos/subdivisions";
import {
  responseStats,
  responsesPerAnswer,
  responsesPerAnswerPerDay,
  responsesPerDay,
} from "@tribune/db/repos/surveys";
import {
  buildCollection,
  profileQuestion,
  type SurveyCollection,
  type SurveyRef,
} from "@tribune/domain/surveys";
import type { Actor } from "../../context";
import type { ServiceContext } from "../kit";
import { readableSurvey } from "./get";

/**
 * Collection status: responses per subdivision (disclosure control applied, as for results)
 * and per day with the running total. While a sensitive survey's results are withheld, the
 * running total in steps only. The press sees published surveys only.
 */
export async function surveyCollection(
  ctx: ServiceContext & { actor: Actor },
  { id }: SurveyRef,
): Promise<SurveyCollection> {
  const survey = await readableSurvey(ctx, id);
  const question = profileQuestion(survey, "subdivision");
  const [subdivisions, subdivisionCounts, subdivisionDayCounts, dayCounts, stats] =
    await Promise.all([
      listSubdivisionOptions(ctx.db),
      question ? responsesPerAnswer(ctx.db, survey.id, question.id) : [],
      question ? responsesPerAnswerPerDay(ctx.db, survey.id, question.id) : [],
      responsesPerDay(ctx.db, survey.id),
      responseStats(ctx.db, survey.id),
    ]);
  return buildCollection({
    survey,
    subdivisions,
    subdivisionCounts,
    subdivisionDayCounts,
    dayCounts,
    synthetic: stats.synthetic,
  });
}

import { receivedAnswerCount, responseStats } from "@tribune/db/repos/surveys";
import { type SurveyBuilderView, type SurveyRef, surveyBuilderView } from "@tribune/domain/surveys";
import type { ServiceContext } from "../kit";
import { surveyOf } from "./get";

/**
 * A survey as its builder edits it, with what the builder may tell of its answers: whether
 * any was received (mixed in or still waiting in the pool), which locks the questionnaire, and
 * the responses in the results as the collection counts them.
 */
export async function surveyForBuilder(
  ctx: ServiceContext,
  { id }: SurveyRef,
): Promise<SurveyBuilderView> {
  const survey = await surveyOf(ctx.db, id);
  const [received, stats] = await Promise.all([
    receivedAnswerCount(ctx.db, survey.id),
    responseStats(ctx.db, survey.id),
  ]);
  return surveyBuilderView(survey, { received, stored: stats.n });
}

import { enforce } from "@tribune/domain/kernel";
import {
  decideForm,
  type PublicSurvey,
  publicSurvey,
  type SurveyFormQuery,
} from "@tribune/domain/surveys";
import type { ServiceContext } from "../kit";
import { surveyOf } from "./get";

/** The questionnaire of an open survey, for the public response form. */
export async function surveyForm(
  ctx: Pick<ServiceContext, "db">,
  { slug }: SurveyFormQuery,
): Promise<PublicSurvey> {
  const survey = await surveyOf(ctx.db, slug);
  enforce(decideForm(survey));
  return publicSurvey(survey);
}

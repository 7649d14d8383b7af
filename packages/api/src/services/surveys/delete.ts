import { deleteSurvey as removeSurvey, responseStats } from "@tribune/db/repos/surveys";
import { enforce } from "@tribune/domain/kernel";
import { decideSurveyDeletion, type SurveyOk, type SurveyRef } from "@tribune/domain/surveys";
import { change, type ServiceContext } from "../kit";
import { surveyOf } from "./get";

/** Only a draft without responses (`decideSurveyDeletion`), audited with what it was. */
export function deleteSurvey(ctx: ServiceContext, { id }: SurveyRef): Promise<SurveyOk> {
  return change(ctx, async (tx, effects) => {
    const survey = await surveyOf(tx, id);
    enforce(decideSurveyDeletion(survey, (await responseStats(tx, survey.id)).n));
    await removeSurvey(tx, survey.id);
    await effects.audit({
      entity: "survey",
      entityId: survey.id,
      action: "delete",
      before: survey,
      after: null,
    });
    return { ok: true as const };
  });
}

import { findSurvey, insertSurvey } from "@tribune/db/repos/surveys";
import { enforce } from "@tribune/domain/kernel";
import { decideSurveySlug, type Survey, type SurveyDraft } from "@tribune/domain/surveys";
import { change, type ServiceContext } from "../kit";

/** A new survey, as a draft under a slug no other survey has; audited. */
export function createSurvey(ctx: ServiceContext, input: SurveyDraft): Promise<Survey> {
  return change(ctx, async (tx, effects) => {
    enforce(decideSurveySlug(await findSurvey(tx, input.slug), null));
    const survey = await insertSurvey(tx, { ...input, status: "draft" });
    await effects.audit({
      entity: "survey",
      entityId: survey.id,
      action: "create",
      before: null,
      after: survey,
    });
    return survey;
  });
}

import {
  findSurvey,
  receivedAnswerCount,
  updateSurvey as writeSurvey,
} from "@tribune/db/repos/surveys";
import { enforce } from "@tribune/domain/kernel";
import {
  decideSurveyEdit,
  decideSurveySlug,
  type Survey,
  type SurveyUpdate,
} from "@tribune/domain/surveys";
import type { z } from "zod";
import { change, type ServiceContext } from "../kit";
import { surveyFound, surveyOf } from "./get";

/**
 * Description and questionnaire, audited; `decideSurveyEdit` says what may change once the link
 * is out and once answers were received (counting those still waiting in the mixing pool: the
 * survey is locked, so none is parked meanwhile).
 */
export function updateSurvey(
  ctx: ServiceContext,
  input: z.output<typeof SurveyUpdate>,
): Promise<Survey> {
  return change(ctx, async (tx, effects) => {
    const before = await surveyOf(tx, input.id, { lock: true });
    enforce(decideSurveySlug(await findSurvey(tx, input.survey.slug), before.id));
    enforce(decideSurveyEdit(before, input.survey, await receivedAnswerCount(tx, before.id)));
    const after = surveyFound(await writeSurvey(tx, before.id, input.survey));
    await effects.audit({
      entity: "survey",
      entityId: after.id,
      action: "update",
      before,
      after,
    });
    return after;
  });
}

import { hideFreeTextAnswer } from "@tribune/db/repos/survey-free-text";
import { enforce } from "@tribune/domain/kernel";
import {
  decideFreeTextHidden,
  decideFreeTextHiding,
  type HideFreeTextInput,
  type SurveyOk,
} from "@tribune/domain/surveys";
import type { z } from "zod";
import type { Actor } from "../../context";
import { change, type ServiceContext } from "../kit";
import { surveyOf } from "./get";

/**
 * Hides one free-text answer from every reader, for good (an answer that names someone, say):
 * it stays stored but is never shown again. Those who may read the survey's free text only.
 * Audited, without the text.
 */
export async function hideFreeText(
  ctx: ServiceContext & { actor: Actor },
  input: z.output<typeof HideFreeTextInput>,
): Promise<SurveyOk> {
  const survey = await surveyOf(ctx.db, input.surveyId);
  enforce(decideFreeTextHiding(survey, input.questionId, ctx.actor.role));
  await change(ctx, async (tx, effects) => {
    enforce(decideFreeTextHidden(await hideFreeTextAnswer(tx, input)));
    await effects.audit({
      entity: "survey",
      entityId: survey.id,
      action: "update",
      before: null,
      after: { hiddenFreeText: { questionId: input.questionId } },
    });
    effects.publish({ type: "surveys.changed", surveyId: survey.id });
  });
  return { ok: true };
}

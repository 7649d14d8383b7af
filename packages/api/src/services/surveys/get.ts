import type { Executor } from "@tribune/db";
import { findSurvey } from "@tribune/db/repos/surveys";
import { enforce, refusalError } from "@tribune/domain/kernel";
import {
  decideSurveyReading,
  SURVEY_REFUSALS,
  type Survey,
  type SurveyRef,
} from "@tribune/domain/surveys";
import type { Actor } from "../../context";
import type { ServiceContext } from "../kit";

/** A survey as the database has it, or the domain's not_found. */
export function surveyFound(survey: Survey | null): Survey {
  if (!survey) throw refusalError(SURVEY_REFUSALS.notFound());
  return survey;
}

/**
 * A survey by id or slug; `lock` holds its row until the transaction ends, so that no answer is
 * parked in between (see `findSurvey`).
 */
export async function surveyOf(
  db: Executor,
  idOrSlug: string,
  options: { lock?: boolean } = {},
): Promise<Survey> {
  return surveyFound(await findSurvey(db, idOrSlug, options));
}

/** A survey the actor may read: the press, published ones only (others are not found). */
export async function readableSurvey(
  ctx: ServiceContext & { actor: Actor },
  id: string,
): Promise<Survey> {
  const survey = await surveyOf(ctx.db, id);
  enforce(decideSurveyReading(ctx.actor.role, survey));
  return survey;
}

export function getSurvey(ctx: ServiceContext & { actor: Actor }, { id }: SurveyRef) {
  return readableSurvey(ctx, id);
}

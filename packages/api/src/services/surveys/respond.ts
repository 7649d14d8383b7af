import { storeResponse } from "@tribune/db/repos/surveys";
import { enforce } from "@tribune/domain/kernel";
import {
  coarsenToDay,
  decideParking,
  decideResponse,
  effectiveThreshold,
  type SurveyOk,
  type SurveyResponseInput,
} from "@tribune/domain/surveys";
import type { z } from "zod";
import { clockOf, publishCommitted, type ServiceContext } from "../kit";
import { surveyOf } from "./get";

/**
 * A response from the public form: checked against the questionnaire (`decideResponse`: one
 * message per question at fault, nothing stored), then stored without anything that identifies
 * the respondent.
 *
 * Not one `change()`: anonymity at rest takes two transactions and a rewrite (see
 * `storeResponse`). The answer is parked in the mixing pool with the spending of its one-time
 * token (one transaction, so that neither happens without the other); then, in a transaction of
 * its own, the pool is mixed into the results once a batch of the disclosure threshold waits,
 * in random order and dated the batch's day; then the pool's file is rewritten (VACUUM FULL,
 * outside any transaction) so that no row sharing the token's transaction id survives. Readers
 * hear of it then, not before. Nothing is audited: an audit entry would time the answer.
 */
export async function respond(
  ctx: ServiceContext,
  input: z.output<typeof SurveyResponseInput>,
): Promise<SurveyOk> {
  const survey = await surveyOf(ctx.db, input.slug);
  const { answers, token } = enforce(decideResponse(survey, input));
  const { outcome, moved } = await storeResponse(ctx.db, {
    surveyId: survey.id,
    answers,
    day: coarsenToDay(clockOf(ctx).now()),
    token,
    batchSize: effectiveThreshold(survey.disclosureThreshold),
  });
  enforce(decideParking(outcome));
  if (moved > 0) publishCommitted(ctx, { type: "surveys.changed", surveyId: survey.id });
  return { ok: true };
}

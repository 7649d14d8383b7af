import { issueSurveyTokens } from "@tribune/db/repos/surveys";
import { coarsenToDay, type IssueTokensInput } from "@tribune/domain/surveys";
import type { z } from "zod";
import { change, clockOf, type ServiceContext } from "../kit";
import { surveyOf } from "./get";

/** One-time response links, audited (their number); shown once, only their hashes are kept. */
export function issueTokens(
  ctx: ServiceContext,
  input: z.output<typeof IssueTokensInput>,
): Promise<string[]> {
  return change(ctx, async (tx, effects) => {
    const survey = await surveyOf(tx, input.id);
    const tokens = await issueSurveyTokens(
      tx,
      survey.id,
      input.count,
      coarsenToDay(clockOf(ctx).now()),
    );
    await effects.audit({
      entity: "survey",
      entityId: survey.id,
      action: "create",
      before: null,
      after: { tokensIssued: input.count },
    });
    return tokens;
  });
}

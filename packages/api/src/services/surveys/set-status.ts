import {
  mixPooledResponses,
  receivedAnswerCount,
  setSurveyStatus,
  vacuumResponsePool,
} from "@tribune/db/repos/surveys";
import { enforce } from "@tribune/domain/kernel";
import {
  coarsenToDay,
  decideStatusChange,
  effectiveThreshold,
  type Survey,
  type SurveyStatusChange,
} from "@tribune/domain/surveys";
import type { z } from "zod";
import { change, clockOf, type ServiceContext } from "../kit";
import { surveyOf } from "./get";

/**
 * Draft → open → closed → published, and back one step where `decideStatusChange` allows it;
 * audited. A survey that stops collecting mixes the answers still waiting in the pool into its
 * results in the same transaction (topped up to a full batch with stored answers, see
 * `mixPooledResponses`); once committed, the pool's file is rewritten (VACUUM FULL, outside any
 * transaction) and readers are told.
 */
export async function setStatus(
  ctx: ServiceContext,
  input: z.output<typeof SurveyStatusChange>,
): Promise<Survey> {
  const { after, mixed } = await change(ctx, async (tx, effects) => {
    // Locked first: no answer is parked while the status changes.
    const before = await surveyOf(tx, input.id, { lock: true });
    const { mix } = enforce(
      decideStatusChange(before, input.status, await receivedAnswerCount(tx, before.id)),
    );
    await setSurveyStatus(tx, before.id, input.status);
    const mixed = mix
      ? await mixPooledResponses(tx, before.id, {
          day: coarsenToDay(clockOf(ctx).now()),
          batchSize: effectiveThreshold(before.disclosureThreshold),
          final: true,
        })
      : { moved: 0, remixed: 0 };
    await effects.audit({
      entity: "survey",
      entityId: before.id,
      action: "update",
      before: { status: before.status },
      after: { status: input.status },
    });
    if (mixed.moved > 0) effects.publish({ type: "surveys.changed", surveyId: before.id });
    return { after: { ...before, status: input.status }, mixed };
  });
  if (mixed.moved > 0) await vacuumResponsePool(ctx.db, { responses: mixed.remixed > 0 });
  return after;
}

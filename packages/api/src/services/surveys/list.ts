import { listSurveys as readSurveys, responseStats } from "@tribune/db/repos/surveys";
import { canSeeSurvey, type SurveySummary, surveySummary } from "@tribune/domain/surveys";
import type { Actor } from "../../context";
import type { ServiceContext } from "../kit";

/**
 * Every survey the actor may see with its response count (no answer); in steps of the threshold
 * while a sensitive survey's results are withheld.
 */
export async function listSurveys(
  ctx: ServiceContext & { actor: Actor },
): Promise<SurveySummary[]> {
  const surveys = (await readSurveys(ctx.db)).filter((s) => canSeeSurvey(ctx.actor.role, s));
  return Promise.all(surveys.map(async (s) => surveySummary(s, await responseStats(ctx.db, s.id))));
}

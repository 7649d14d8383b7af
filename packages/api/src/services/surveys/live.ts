import { responseStats } from "@tribune/db/repos/surveys";
import {
  isLiveChangeShown,
  type ResultsWithheld,
  type SurveyLiveChange,
  type SurveyRef,
  withheldResults,
} from "@tribune/domain/surveys";
import type { Actor } from "../../context";
import { subjectChanges } from "../../live";
import type { ServiceContext } from "../kit";
import { readableSurvey, surveyOf } from "./get";

/**
 * "changed" each time responses of the survey are stored — a batch of answers or an import, on
 * this server or, on PostgreSQL, any other instance — so that the collection is reloaded instead
 * of polled. Says nothing but "changed": the counts come from `surveyCollection`, disclosure
 * control applied. While a sensitive survey's results are withheld, "changed" only when the
 * count reaches a new step (`isLiveChangeShown`). The survey is checked before streaming, so
 * that an unknown one is a not_found, not a broken stream.
 */
export async function watchCollection(
  ctx: ServiceContext & { actor: Actor },
  { id }: SurveyRef,
  signal: AbortSignal | undefined,
): Promise<AsyncGenerator<SurveyLiveChange>> {
  const survey = await readableSurvey(ctx, id);
  const changes = subjectChanges(ctx, "surveys.changed", survey.id, signal, 500);
  /** What a reader of the collection could tell apart: the count in steps while withheld. */
  const visible = async (): Promise<ResultsWithheld | null> =>
    withheldResults(await surveyOf(ctx.db, survey.id), (await responseStats(ctx.db, survey.id)).n);
  return (async function* () {
    let last: ResultsWithheld | null = null;
    for await (const reason of changes) {
      if (reason === "subscribed") {
        last = await visible();
        yield { surveyId: survey.id, reason };
        continue;
      }
      const now = await visible();
      if (!isLiveChangeShown(last, now)) continue;
      last = now;
      yield { surveyId: survey.id, reason };
    }
  })();
}

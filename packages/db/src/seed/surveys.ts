import { KeyFigureDefinition } from "@tribune/domain/surveys";
import { KEY_FIGURES_2026, referenceSurveys2026 } from "@tribune/reference";
import type { Executor } from "../client";
import { findSurvey, insertResponses, insertSurvey, upsertKeyFigure } from "../repos/surveys";

/**
 * The three surveys the 2026 press kit quotes, with SYNTHETIC responses (flagged so) and the
 * key figure definitions the kit prints. Idempotent: a survey that exists is left alone, with
 * whatever responses were imported into it since.
 */
export async function seedReferenceSurveys(db: Executor): Promise<{ created: number }> {
  let created = 0;
  for (const { survey, responses } of referenceSurveys2026()) {
    if (await findSurvey(db, survey.slug)) continue;
    await insertSurvey(db, survey);
    await insertResponses(
      db,
      survey.id,
      responses.map((r) => ({ ...r, synthetic: true })),
    );
    const figures = KEY_FIGURES_2026.map((f) => KeyFigureDefinition.parse(f)).filter(
      (f) => f.surveySlug === survey.slug,
    );
    for (const [position, figure] of figures.entries())
      await upsertKeyFigure(db, survey.id, figure, position);
    created++;
  }
  return { created };
}

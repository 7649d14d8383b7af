import { type Executor, findSurvey, listKeyFigureDefinitions } from "@tribune/db";
import {
  type ComputedFigure,
  pressKitEditorial2026,
  pressKitFigureOf,
  type QuotableFigure,
  quotableFigures,
} from "@tribune/domain";
import type { ServiceContext } from "../kit";
import { computeKeyFigures } from "../surveys/key-figures";

/** The published key figures computed now, with what the kit needs to present them. */
export async function kitFigures(db: Executor): Promise<ComputedFigure[]> {
  const figures = await computeKeyFigures(db, { publishedOnly: true });
  const questions = new Map<string, string>();
  for (const slug of new Set(figures.map((f) => f.definition.surveySlug)))
    for (const q of (await findSurvey(db, slug))?.questions ?? [])
      questions.set(`${slug}/${q.id}`, q.label);
  return figures.map((f) =>
    pressKitFigureOf(
      f,
      questions.get(`${f.definition.surveySlug}/${f.definition.questionId}`) ?? null,
    ),
  );
}

/**
 * The key figures a text may quote, with how the kit labels them: the reference ones, then
 * the published ones created in the admin (to pick a dossier's figures from).
 */
export async function listQuotableFigures(ctx: ServiceContext): Promise<QuotableFigure[]> {
  const published = (await listKeyFigureDefinitions(ctx.db)).filter((f) => f.published);
  const derived = new Map(
    (await kitFigures(ctx.db)).flatMap((f) => (f.definition ? [[f.id, f.definition.label]] : [])),
  );
  return quotableFigures(pressKitEditorial2026().figures, published, derived);
}

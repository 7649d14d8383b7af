import { type Executor, findSurvey, listKeyFigureDefinitions } from "@tribune/db";
import {
  type ComputedFigure,
  formatFigure,
  keyFiguresOf,
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
 * the published ones created in the admin (to pick a dossier's figures from); each with its
 * value now and what the PDF prints for it, worked out as the kit does (`keyFiguresOf`,
 * `formatFigure`), so that the admin shows a text as it will print.
 */
export async function listQuotableFigures(ctx: ServiceContext): Promise<QuotableFigure[]> {
  const published = (await listKeyFigureDefinitions(ctx.db)).filter((f) => f.published);
  const computed = await kitFigures(ctx.db);
  const derived = new Map(
    computed.flatMap((f) => (f.definition ? [[f.id, f.definition.label]] : [])),
  );
  const editorial = pressKitEditorial2026();
  const kit = new Map(keyFiguresOf(editorial, computed).map((f) => [f.id, f]));
  return quotableFigures(editorial.figures, published, derived).map((figure) => {
    const inKit = kit.get(figure.id);
    return inKit ? { ...figure, value: inKit.value, printed: formatFigure(inKit) } : figure;
  });
}

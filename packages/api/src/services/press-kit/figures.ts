import type { Executor } from "@tribune/db";
import { listEditions } from "@tribune/db/repos/editions";
import { listManualFigures } from "@tribune/db/repos/press-kit-frames";
import { findSurvey, listKeyFigureDefinitions } from "@tribune/db/repos/surveys";
import { currentEdition } from "@tribune/domain/congress";
import {
  type ComputedFigure,
  editorialOfFrame,
  formatFigure,
  keyFiguresOf,
  pressKitFigureOf,
  pressKitManualFigure,
  type QuotableFigure,
  quotableFigures,
} from "@tribune/domain/press-kit";
import { clockOf, type ServiceContext } from "../kit";
import { computeKeyFigures } from "../surveys/key-figures";
import { frameOf } from "./frame";
import { editionOf } from "./sections";

/**
 * The key figures of an edition's kit with what the kit needs to present them: the published
 * ones computed now, then the edition's manual figures (quoted from someone else's publication,
 * their value as typed and their provenance; one whose id a computed figure took since is left
 * out rather than printed twice).
 */
export async function kitFigures(db: Executor, editionId: string): Promise<ComputedFigure[]> {
  const figures = await computeKeyFigures(db, { publishedOnly: true });
  const questions = new Map<string, string>();
  for (const slug of new Set(figures.map((f) => f.definition.surveySlug)))
    for (const q of (await findSurvey(db, slug))?.questions ?? [])
      questions.set(`${slug}/${q.id}`, q.label);
  const computed = figures.map((f) =>
    pressKitFigureOf(
      f,
      questions.get(`${f.definition.surveySlug}/${f.definition.questionId}`) ?? null,
    ),
  );
  const taken = new Set(computed.map((f) => f.id));
  const manual = (await listManualFigures(db, editionId))
    .filter((f) => !taken.has(f.id))
    .map(pressKitManualFigure);
  return [...computed, ...manual];
}

/**
 * The key figures a text of the edition's kit may quote, with how the kit labels them: the
 * frame's, the published ones created in the admin, then the edition's manual ones; each with
 * its value now and what the PDF prints for it, worked out as the kit does (`keyFiguresOf`,
 * `formatFigure`), so that the admin shows a text as it will print.
 */
export async function listQuotableFigures(
  ctx: ServiceContext,
  { year }: { year?: number | undefined } = {},
): Promise<QuotableFigure[]> {
  // Without a year (a dossier, shared by every edition): the current edition's kit.
  const edition =
    year === undefined
      ? currentEdition(await listEditions(ctx.db), clockOf(ctx).now())
      : await editionOf(ctx.db, year);
  if (!edition) return [];
  const published = (await listKeyFigureDefinitions(ctx.db)).filter((f) => f.published);
  const computed = await kitFigures(ctx.db, edition.id);
  const derived = new Map(
    computed.flatMap((f) => (f.definition ? [[f.id, f.definition.label]] : [])),
  );
  const editorial = editorialOfFrame(await frameOf(ctx.db, edition.id));
  const kit = new Map(keyFiguresOf(editorial, computed).map((f) => [f.id, f]));
  const manual = computed.flatMap((f) =>
    f.definition?.citation ? [{ id: f.id, label: f.definition.label }] : [],
  );
  return [...quotableFigures(editorial.figures, published, derived), ...manual].map((figure) => {
    const inKit = kit.get(figure.id);
    if (!inKit) return figure;
    return {
      ...figure,
      value: inKit.value,
      printed: formatFigure(inKit),
      ...(inKit.citation ? { citation: inKit.citation } : {}),
    };
  });
}

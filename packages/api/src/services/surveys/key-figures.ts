import type { Executor } from "@tribune/db";
import {
  computeKeyFigureRaw,
  findSurvey,
  listKeyFigureDefinitions,
} from "@tribune/db/repos/surveys";
import { enforce } from "@tribune/domain/kernel";
import {
  type ComputedKeyFigure,
  decideKeyFigure,
  decideKeyFigureQuestions,
  finishKeyFigure,
  isKeyFigureListed,
  type KeyFigureDefinition,
  type Survey,
  seesPublishedOnly,
} from "@tribune/domain/surveys";
import type { Actor } from "../../context";
import type { ServiceContext } from "../kit";
import { surveyOf } from "./get";

/** One key figure computed now, from its survey's responses (the domain rounds and suppresses). */
export async function computeKeyFigure(
  db: Executor,
  survey: Survey,
  definition: KeyFigureDefinition,
): Promise<ComputedKeyFigure> {
  enforce(decideKeyFigureQuestions(survey, definition));
  const { raw, provenance } = await computeKeyFigureRaw(db, survey, definition);
  return finishKeyFigure(definition, raw, provenance, survey.disclosureThreshold, survey);
}

/** Every key figure computed on read; `publishedOnly` for the press (and the press kit). */
export async function computeKeyFigures(
  db: Executor,
  { publishedOnly }: { publishedOnly: boolean },
): Promise<ComputedKeyFigure[]> {
  const definitions = await listKeyFigureDefinitions(db);
  const surveys = new Map<string, Survey | null>();
  const out: ComputedKeyFigure[] = [];
  for (const definition of definitions) {
    if (!surveys.has(definition.surveySlug))
      surveys.set(definition.surveySlug, await findSurvey(db, definition.surveySlug));
    const survey = surveys.get(definition.surveySlug);
    if (!survey || !isKeyFigureListed(definition, survey, { publishedOnly })) continue;
    out.push(await computeKeyFigure(db, survey, definition));
  }
  return out;
}

/** Key figures computed now, with provenance; the press sees published figures only. */
export function listKeyFigures(
  ctx: ServiceContext & { actor: Actor },
): Promise<ComputedKeyFigure[]> {
  return computeKeyFigures(ctx.db, { publishedOnly: seesPublishedOnly(ctx.actor.role) });
}

/** A key figure as it would read, computed from the responses now — while editing it. */
export async function previewKeyFigure(
  ctx: ServiceContext,
  definition: KeyFigureDefinition,
): Promise<ComputedKeyFigure> {
  const survey = await surveyOf(ctx.db, definition.surveySlug);
  enforce(decideKeyFigure(survey, definition));
  return computeKeyFigure(ctx.db, survey, definition);
}

import { insertResponses } from "@tribune/db/repos/surveys";
import { enforce } from "@tribune/domain/kernel";
import {
  coarsenToDay,
  decideImport,
  parseSurveyImport,
  type SurveyImportInput,
  type SurveyImportReport,
  suggestSurveyMapping,
} from "@tribune/domain/surveys";
import type { z } from "zod";
import { parseCsv } from "../../csv";
import { change, clockOf, type ServiceContext } from "../kit";
import { surveyOf } from "./get";

/**
 * Responses from a survey tool's CSV export: a dry run reports every bad row (line, question,
 * message); applying stores all the rows in one transaction, audited, and only when none is bad.
 */
export async function importResponses(
  ctx: ServiceContext,
  input: z.output<typeof SurveyImportInput>,
): Promise<SurveyImportReport> {
  const survey = await surveyOf(ctx.db, input.surveyId);
  const { header, rows } = parseCsv(input.csv);
  const mapping = input.mapping ?? suggestSurveyMapping(survey, header);
  const fallbackDay = survey.closesOn ?? coarsenToDay(clockOf(ctx).now());
  const parsed = parseSurveyImport(survey, header, rows, mapping, fallbackDay);
  const report = {
    header,
    mapping,
    rows: rows.length,
    valid: parsed.responses.length,
    errors: parsed.errors.slice(0, 500),
    errorCount: parsed.errors.length,
    imported: 0,
  };
  if (input.dryRun) return report;
  enforce(decideImport(parsed.errors));
  const imported = await change(ctx, async (tx, effects) => {
    const count = await insertResponses(tx, survey.id, parsed.responses);
    await effects.audit({
      entity: "survey",
      entityId: survey.id,
      action: "import",
      before: null,
      after: { imported: count },
    });
    effects.publish({ type: "surveys.changed", surveyId: survey.id });
    return count;
  });
  return { ...report, imported };
}

import { responseStats } from "@tribune/db/repos/surveys";
import { enforce } from "@tribune/domain/kernel";
import {
  decideResultsExport,
  RESULTS_CSV_HEADER,
  type ResultsExport,
  type ResultsExportInput,
  resultRows,
  resultsExportFilename,
} from "@tribune/domain/surveys";
import type { z } from "zod";
import type { Actor } from "../../context";
import { toSpreadsheetCsv } from "../../csv";
import { change, type ServiceContext } from "../kit";
import { surveyOf } from "./get";
import { readQuestionResult } from "./results";

/**
 * The aggregated results of every question as a spreadsheet CSV, exactly as on screen (the same
 * reading, the same disclosure control); never a response, never free text (not even read).
 * Refused while a sensitive survey's results are withheld; the press, published surveys only.
 * Audited.
 */
export async function exportResults(
  ctx: ServiceContext & { actor: Actor },
  input: z.output<typeof ResultsExportInput>,
): Promise<ResultsExport> {
  const survey = await surveyOf(ctx.db, input.id);
  const stored = (await responseStats(ctx.db, survey.id)).n;
  const { group } = enforce(decideResultsExport(survey, input.groupBy, ctx.actor.role, stored));
  const rows: (string | number)[][] = [];
  for (const question of survey.questions) {
    if (question.id === input.groupBy) continue;
    const result = await readQuestionResult(ctx.db, survey, question, group, { freeText: "omit" });
    rows.push(...resultRows(result));
  }
  const csv = toSpreadsheetCsv([...RESULTS_CSV_HEADER], rows);
  await change(ctx, (_tx, effects) =>
    effects.audit({
      entity: "survey",
      entityId: survey.id,
      action: "export",
      before: null,
      after: { groupBy: input.groupBy },
    }),
  );
  return { filename: resultsExportFilename(survey, input.groupBy), csv };
}

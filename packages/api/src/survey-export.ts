import { type Executor, responseStats } from "@tribune/db";
import {
  DomainError,
  type QuestionResult,
  type ResultGroup,
  type Survey,
  withheldNotice,
  withheldResults,
} from "@tribune/domain";
import { toSpreadsheetCsv } from "./csv";
import { questionResult } from "./survey-results";

/**
 * A survey's aggregated results as a spreadsheet CSV: exactly what the results page shows —
 * the same engine, the same disclosure control. Never a single response: free-text answers
 * are not exported at all (not even read), suppressed groups read "masqué". Nothing while a
 * sensitive survey's results are withheld.
 */

const HEADER = ["Question", "Groupe", "Répondant·es", "Indicateur", "Effectif", "Valeur"];
const SUPPRESSED = "masqué";

const decimal = (x: number | null, digits = 2) =>
  x === null
    ? ""
    : x.toLocaleString("fr-FR", { maximumFractionDigits: digits, useGrouping: false });

function groupRows(result: QuestionResult, group: ResultGroup): (string | number)[][] {
  const head = [result.questionLabel, group.label];
  if (group.suppressed) return [[...head, SUPPRESSED, "", "", ""]];
  const n = group.n ?? 0;
  if (group.stats) {
    const s = group.stats;
    return [
      ["Moyenne", s.mean],
      ["Médiane", s.median],
      ["1er quartile", s.q1],
      ["3e quartile", s.q3],
    ].map(([label, value]) => [...head, n, label as string, "", decimal(value as number | null)]);
  }
  if (group.choices)
    return group.choices.map((c) => [
      ...head,
      n,
      `Réponse : ${c.label}`,
      c.n ?? SUPPRESSED,
      c.share === null ? (c.n === null ? SUPPRESSED : "") : `${decimal(c.share * 100, 1)} %`,
    ]);
  return [[...head, n, "Réponses libres (non exportées)", "", ""]];
}

export async function surveyResultsCsv(
  db: Executor,
  survey: Survey,
  groupBy: string | null,
): Promise<string> {
  const withheld = withheldResults(survey, (await responseStats(db, survey.id)).n);
  if (withheld) throw new DomainError("forbidden", withheldNotice(withheld));
  const rows: (string | number)[][] = [];
  for (const q of survey.questions) {
    if (q.id === groupBy) continue;
    const result = await questionResult(db, survey, q.id, groupBy, { freeText: "omit" });
    for (const group of [result.overall, ...result.groups]) rows.push(...groupRows(result, group));
  }
  return toSpreadsheetCsv(HEADER, rows);
}

import type { QuestionResult, ResultGroup } from "./results";
import type { Survey } from "./survey";

/**
 * A survey's aggregated results as a spreadsheet's rows: exactly what the results page shows —
 * the same results, the same disclosure control. Never a single response: free-text answers
 * are not exported at all, suppressed groups read "masqué".
 */

export const RESULTS_CSV_HEADER = [
  "Question",
  "Groupe",
  "Répondant·es",
  "Indicateur",
  "Effectif",
  "Valeur",
] as const;
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
    return (
      [
        ["Moyenne", s.mean],
        ["Médiane", s.median],
        ["1er quartile", s.q1],
        ["3e quartile", s.q3],
      ] as const
    ).map(([label, value]) => [...head, n, label, "", decimal(value)]);
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

/** The rows of one question's results: its whole population, then each group. */
export function resultRows(result: QuestionResult): (string | number)[][] {
  return [result.overall, ...result.groups].flatMap((group) => groupRows(result, group));
}

/** "resultats-temps-de-travail-2024-par-subdivision.csv". */
export function resultsExportFilename(
  survey: Pick<Survey, "slug">,
  groupBy: string | null,
): string {
  return `resultats-${survey.slug}${groupBy ? `-par-${groupBy}` : ""}.csv`;
}

import { CSV_REFUSALS, refusalError } from "@tribune/domain/kernel";
import type { CsvRow } from "@tribune/domain/union";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * Reads a CSV as spreadsheets save it: comma, semicolon (French Excel) or tab separated, with
 * or without a byte-order mark. Each row keeps the line it starts on (the header is line 1),
 * so that errors can point at it; blank lines are skipped.
 */
export function parseCsv(text: string): { header: string[]; rows: CsvRow[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it ends; csv-parse's types miss that shape.
    records = parse(text, {
      bom: true,
      delimiter: [";", ",", "\t"],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw refusalError(CSV_REFUSALS.unreadable(line));
  }
  const [first, ...rest] = records;
  if (!first) throw refusalError(CSV_REFUSALS.empty());
  const startLine = (r: { record: string[]; info: { lines: number } }) =>
    r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  return {
    header: first.record,
    rows: rest.map((r) => ({ line: startLine(r), cells: r.record })),
  };
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe:
 * names typed on a public form must never execute in an organiser's spreadsheet.
 */
export const defuseFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * A CSV for French spreadsheets: UTF-8 with a byte-order mark (so accents show), semicolons
 * (the separator French Excel expects), CRLF line ends.
 */
export function toSpreadsheetCsv(header: string[], rows: (string | number)[][]): string {
  const body = stringify(
    [header, ...rows.map((row) => row.map((c) => (typeof c === "string" ? defuseFormula(c) : c)))],
    {
      delimiter: ";",
      record_delimiter: "windows",
    },
  );
  return `\ufeff${body}`;
}

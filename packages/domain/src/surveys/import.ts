import { z } from "zod";
import { type AnswerValue, validateResponse } from "./response";
import type { Question, Survey } from "./survey";

/**
 * Importing responses from a survey tool's CSV export. The reference is LimeSurvey's response
 * export with question codes as headings: one column per question (`heures_semaine`), one per
 * option of a multiple-choice question (`mode_exercice[msp]`, "Y" when ticked), `Y`/`N` for
 * yes/no, and `submitdate` for when it came in. Identifying columns LimeSurvey adds (`id`,
 * `ipaddr`, `startdate`, `token`, …) are never mapped, so they are never stored.
 */

/** For each question, the CSV heading it is read from (null: not imported). */
export const SurveyCsvMapping = z.record(z.string(), z.string().nullable());
export type SurveyCsvMapping = z.infer<typeof SurveyCsvMapping>;

export const SurveyImportError = z.object({
  line: z.int(),
  questionId: z.string().nullable(),
  message: z.string(),
});
export type SurveyImportError = z.infer<typeof SurveyImportError>;

const norm = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .trim()
    .toLowerCase();

const DATE_COLUMNS = ["submitdate", "date de soumission", "date"];

/** The mapping a preview proposes: headings equal to question codes (case and accents aside). */
export function suggestSurveyMapping(
  survey: Pick<Survey, "questions">,
  header: readonly string[],
): SurveyCsvMapping {
  const byName = new Map(header.map((h) => [norm(h), h]));
  return Object.fromEntries(
    survey.questions.map((q) => {
      if (q.type === "multiple") {
        const any = header.find((h) => norm(h).startsWith(`${norm(q.id)}[`));
        return [q.id, any ? q.id : null];
      }
      return [q.id, byName.get(norm(q.id)) ?? null];
    }),
  );
}

const YES = new Set(["y", "yes", "o", "oui", "1", "true", "vrai"]);
const NO = new Set(["n", "no", "non", "0", "false", "faux"]);

type Cell = AnswerValue | null | { error: string };

/**
 * How a question's cells are read, worked out once per import (choice codes and labels
 * normalised ahead, not on every row of a 100,000-row file).
 */
function cellReader(q: Question): (cell: string) => Cell {
  const yesNo = (v: string): Cell => {
    const n = norm(v);
    if (YES.has(n)) return true;
    if (NO.has(n)) return false;
    return { error: `« ${v} » : oui ou non attendu.` };
  };
  const choices =
    q.type === "single"
      ? new Map(
          q.choices.flatMap((c) => [
            [norm(c.label), c.value] as const,
            [norm(c.value), c.value] as const,
          ]),
        )
      : null;
  return (cell) => {
    const v = cell.trim();
    if (v === "") return null;
    switch (q.type) {
      case "number":
      case "likert": {
        const n = Number(v.replace(/\s/g, "").replace(",", "."));
        return Number.isFinite(n) ? n : { error: `« ${v} » n'est pas un nombre.` };
      }
      case "yes_no":
        return yesNo(v);
      case "single":
        // Unknown answers go through as given: validation names them.
        return choices?.get(v) ?? choices?.get(norm(v)) ?? v;
      case "text":
        return v;
      case "multiple":
        return null;
    }
  };
}

/** "2024-03-05 13:45:12", "05/03/2024" → "2024-03-05"; null when unreadable. */
export function csvDay(value: string): string | null {
  const v = value.trim();
  const iso = v.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const fr = v.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})/);
  if (fr) return `${fr[3]}-${fr[2]?.padStart(2, "0")}-${fr[1]?.padStart(2, "0")}`;
  return null;
}

export interface ParsedSurveyImport {
  responses: { line: number; submittedOn: string; answers: Record<string, AnswerValue> }[];
  errors: SurveyImportError[];
}

/**
 * Reads every row against the questionnaire: each bad row is reported (line, question,
 * French message) and left out; the good ones come back validated, their date coarsened to
 * the day (`fallbackDay` when the file has none).
 */
export function parseSurveyImport(
  survey: Pick<Survey, "questions">,
  header: readonly string[],
  rows: readonly { line: number; cells: readonly string[] }[],
  mapping: SurveyCsvMapping,
  fallbackDay: string,
): ParsedSurveyImport {
  const index = new Map(header.map((h, i) => [h, i]));
  const normIndex = new Map(header.map((h, i) => [norm(h), i]));
  const dateColumn = DATE_COLUMNS.map((c) => normIndex.get(c)).find((i) => i !== undefined);
  // Per mapped question, once: where its cells are and how they read.
  interface Reader {
    q: Question;
    /** A multiple-choice question's option columns; null for one-column questions. */
    multiple: { value: string; i: number }[] | null;
    i: number;
    read: (cell: string) => Cell;
  }
  const readers = survey.questions.flatMap((q): Reader[] => {
    const column = mapping[q.id];
    if (!column) return [];
    if (q.type === "multiple") {
      const options = q.choices.flatMap((c) => {
        const i = normIndex.get(norm(`${column}[${c.value}]`));
        return i === undefined ? [] : [{ value: c.value, i }];
      });
      return [{ q, multiple: options, i: -1, read: cellReader(q) }];
    }
    const i = index.get(column);
    return i === undefined ? [] : [{ q, multiple: null, i, read: cellReader(q) }];
  });
  const out: ParsedSurveyImport = { responses: [], errors: [] };
  for (const row of rows) {
    const raw: Record<string, unknown> = {};
    const rowErrors: SurveyImportError[] = [];
    for (const { q, multiple, i, read } of readers) {
      if (multiple) {
        const picked = multiple.filter((o) => YES.has(norm(row.cells[o.i] ?? "")));
        if (picked.length > 0) raw[q.id] = picked.map((o) => o.value);
        continue;
      }
      const value = read(row.cells[i] ?? "");
      if (value !== null && typeof value === "object" && "error" in value)
        rowErrors.push({ line: row.line, questionId: q.id, message: value.error });
      else if (value !== null) raw[q.id] = value;
    }
    const checked = validateResponse(survey, raw);
    if (!checked.ok)
      rowErrors.push(
        ...checked.errors
          .filter((e) => !rowErrors.some((r) => r.questionId === e.questionId))
          .map((e) => ({ line: row.line, questionId: e.questionId, message: e.message })),
      );
    if (rowErrors.length > 0 || !checked.ok) {
      out.errors.push(...rowErrors);
      continue;
    }
    const day = dateColumn === undefined ? null : csvDay(row.cells[dateColumn] ?? "");
    out.responses.push({
      line: row.line,
      submittedOn: day ?? fallbackDay,
      answers: checked.answers as Record<string, AnswerValue>,
    });
  }
  return out;
}

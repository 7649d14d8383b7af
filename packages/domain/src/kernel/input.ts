import { z } from "zod";
import type { Refusal } from "./refusal";

/**
 * The building blocks of every input schema: text, whole numbers and web addresses as people
 * type them. Each refuses, with a French message, what a database or a later reader would
 * choke on — a NUL that PostgreSQL rejects, a count beyond its integer range, a `javascript:`
 * link — so that bad input is a 400 that says what is wrong, never a 500.
 */

/** The largest value a PostgreSQL `integer` column holds (2³¹ − 1). */
export const PG_INTEGER_MAX = 2_147_483_647;

/** Control characters (Unicode Cc: C0, DEL, C1) and halves of a surrogate pair left alone. */
const CONTROL = /[\p{Cc}\p{Cs}]/u;
/**
 * The same but tabs and line breaks, which a text of several lines may hold. Spelt as ranges:
 * a lookahead is five times slower on a 32 MB import.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is what it is for.
const CONTROL_BUT_LINE_BREAKS = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cs}]/u;

const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** Why a text is refused (in French), or null: the first forbidden character it holds. */
export function controlCharacterProblem(value: string, multiline = false): string | null {
  const found = (multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL).exec(value);
  if (!found) return null;
  const char = found[0];
  if (char === "\n" || char === "\r" || char === "\t")
    return "Ce champ tient sur une seule ligne (ni retour à la ligne, ni tabulation).";
  return `Caractère invisible non autorisé (${codePoint(char)}) : retirez-le.`;
}

export interface TextOptions {
  /** Characters at most, after trimming. */
  max: number;
  /** Tabs and line breaks are allowed (a description, a motion's text, a CSV file). */
  multiline?: boolean;
  /** Said when the text is longer than `max`. */
  tooLong?: string;
}

/**
 * A text field: trimmed, at most `max` characters, free of control characters (and of line
 * breaks unless `multiline`). Chain `.min(1, { error: "… est obligatoire." })` for a required
 * one, `.regex(…)` for a code.
 */
export function text({ max, multiline = false, tooLong }: TextOptions) {
  return z
    .string({ error: "Saisissez un texte." })
    .trim()
    .max(max, { error: tooLong ?? `${max} caractères au plus.` })
    .refine((value) => controlCharacterProblem(value, multiline) === null, {
      error: (issue) =>
        controlCharacterProblem(String(issue.input), multiline) ?? "Texte invalide.",
    });
}

export interface IntOptions {
  min: number;
  max: number;
  /** Said when the value is not a whole number. */
  error?: string;
  /** Said when it is below `min`. */
  tooSmall?: string;
  /** Said when it is above `max`. */
  tooBig?: string;
}

/**
 * A whole number between `min` and `max` inclusive; `max` never beyond what a PostgreSQL
 * `integer` holds, so that no count, capacity or position reaches the database out of range.
 */
export function int({ min, max, error, tooSmall, tooBig }: IntOptions) {
  if (max > PG_INTEGER_MAX || min < -PG_INTEGER_MAX - 1 || min > max)
    throw new Error(`int(): bounds ${min}..${max} outside PostgreSQL's integer range`);
  return z
    .int(error ? { error } : undefined)
    .min(min, { error: tooSmall ?? `La valeur doit être supérieure ou égale à ${min}.` })
    .max(max, { error: tooBig ?? `La valeur doit être au plus ${max}.` });
}

/** A finite number within ±`bound` (questionnaire bounds, statistic thresholds). */
export const boundedNumber = (bound = 1_000_000_000) =>
  z
    .number()
    .min(-bound, { error: `La valeur doit être supérieure ou égale à ${-bound}.` })
    .max(bound, { error: `La valeur doit être au plus ${bound}.` });

const WEB_ADDRESS_ERROR = "Adresse web invalide (elle commence par https:// ou http://).";

/**
 * A web address people may follow: http or https to a named host, never `javascript:`,
 * `data:` or another scheme a link would run or open.
 */
export const WebAddress = z
  .string({ error: WEB_ADDRESS_ERROR })
  .trim()
  .max(2000, { error: "2000 caractères au plus." })
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: WEB_ADDRESS_ERROR }));

/** An optional web address: "" for none. */
export const OptionalWebAddress = z.union([z.literal(""), WebAddress], {
  error: WEB_ADDRESS_ERROR,
});

/**
 * The key a client sends again with every retry of one submission, so that the server answers
 * the first outcome instead of acting twice.
 */
export const IdempotencyKey = text({ max: 100 }).min(8, {
  error: "Clé d'idempotence trop courte.",
});

/** A key is one submission's: sent again with another request, it is refused. */
export const IDEMPOTENCY_REFUSALS = {
  keyReused: (): Refusal => ({
    reason: "idempotency_key_reused",
    code: "invalid",
    message:
      "Cette clé d'idempotence a déjà servi pour une autre demande : générez-en une nouvelle.",
  }),
} as const;

/** An uploaded CSV file (member or survey import) that cannot be read as one. */
export const CSV_REFUSALS = {
  /** `line`: where the reader gave up, when it says. */
  unreadable: (line?: number): Refusal => ({
    reason: "csv_unreadable",
    code: "invalid",
    message: `Fichier CSV illisible${line ? ` (ligne ${line})` : ""} : vérifiez les guillemets et le séparateur.`,
  }),
  empty: (): Refusal => ({
    reason: "csv_empty",
    code: "invalid",
    message: "Le fichier CSV est vide.",
  }),
} as const;

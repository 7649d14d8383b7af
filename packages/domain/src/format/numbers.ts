/**
 * French numbers: a decimal comma, thousands grouped by a narrow no-break space (U+202F, as
 * French typography and Intl write them), "%" and "€" after a narrow no-break space.
 */

export const NARROW_NBSP = "\u202F";

export interface NumberOptions {
  /** Digits after the comma, at least (default 0). */
  minDecimals?: number;
  /** Digits after the comma, at most (default 3 for numbers, 1 for percentages). */
  maxDecimals?: number;
  /**
   * Plain spaces instead of no-break ones: terminals render U+202F and U+00A0 unevenly. For
   * the dashboard and the CLIs; web pages and the PDF keep the no-break spaces.
   */
  plainSpaces?: boolean;
}

/** For text shown in a terminal (dashboard, CLIs): `formatNumber(n, FOR_TERMINAL)`. */
export const FOR_TERMINAL = { plainSpaces: true } as const satisfies NumberOptions;

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat("fr-FR", options);
    formatters.set(key, cached);
  }
  return cached;
}

const spaced = (text: string, plain = false) =>
  plain ? text.replace(/[\u202F\u00A0]/g, " ") : text.replace(/\u00A0/g, NARROW_NBSP);

function digits(
  options: NumberOptions,
  defaultMax: number,
): Pick<Intl.NumberFormatOptions, "minimumFractionDigits" | "maximumFractionDigits"> {
  const min = options.minDecimals ?? 0;
  return {
    minimumFractionDigits: min,
    maximumFractionDigits: Math.max(min, options.maxDecimals ?? defaultMax),
  };
}

/** 1234.5 → "1 234,5". */
export function formatNumber(value: number, options: NumberOptions = {}): string {
  return spaced(formatter(digits(options, 3)).format(value), options.plainSpaces);
}

/** A share (0.125) as a percentage: "12,5 %"; one decimal at most unless told. */
export function formatPercent(share: number, options: NumberOptions = {}): string {
  return spaced(
    formatter({ style: "percent", ...digits(options, 1) }).format(share),
    options.plainSpaces,
  );
}

/**
 * A figure already counted in hundredths (89.4) as a percentage: "89,4 %". Kept apart from
 * `formatPercent` so that no value is divided by 100 and rounded twice.
 */
export function formatPercentPoints(points: number, options: NumberOptions = {}): string {
  const space = options.plainSpaces ? " " : NARROW_NBSP;
  return `${formatNumber(points, { maxDecimals: 1, ...options })}${space}%`;
}

/** 1250 → "1 250 €", 12.5 → "12,50 €": cents only when there are some. */
export function formatEuros(
  amount: number,
  options: Pick<NumberOptions, "plainSpaces"> = {},
): string {
  const cents = !Number.isInteger(amount);
  return spaced(
    formatter({
      style: "currency",
      currency: "EUR",
      minimumFractionDigits: cents ? 2 : 0,
      maximumFractionDigits: cents ? 2 : 0,
    }).format(amount),
    options.plainSpaces,
  );
}

/**
 * The form of words that agrees with a count, without the count: French puts 0 and 1 in the
 * singular. For a count shown apart (in bold, in its own element) or words further on.
 */
export function pluralForm(count: number, singular: string, plural: string): string {
  return Math.abs(count) < 2 ? singular : plural;
}

/**
 * "0 réponse", "1 réponse", "1 234 réponses": French puts 0 and 1 in the singular.
 * `formatCount(n, "adhérent·e", "adhérent·es")`; several words agree at once when given
 * together: `formatCount(n, "personne passée", "personnes passées")`.
 */
export function formatCount(
  count: number,
  singular: string,
  plural: string,
  options: Pick<NumberOptions, "plainSpaces"> = {},
): string {
  return `${formatNumber(count, options)} ${pluralForm(count, singular, plural)}`;
}

import { z } from "zod";
import { boundedNumber, text } from "../kernel/input";

/**
 * The statistics a result or a key figure can ask for, and their reference implementation
 * over plain values. The database computes the same thing in SQL; this one is for tests and
 * for small in-memory previews (an import's dry run).
 */
export const Statistic = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("mean") }),
  z.object({ kind: z.literal("median") }),
  z.object({ kind: z.literal("quantile"), p: z.number().min(0).max(1) }),
  /** Share of answers strictly above (or at least, when `inclusive`) the threshold. */
  z.object({
    kind: z.literal("share_above"),
    threshold: boundedNumber(),
    inclusive: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal("share_below"),
    threshold: boundedNumber(),
    inclusive: z.boolean().default(false),
  }),
  /** Share of answers choosing any of `choices` (yes/no: "yes" or "no"). */
  z.object({
    kind: z.literal("share_choice"),
    choices: z
      .array(text({ max: 80 }))
      .min(1)
      .max(500),
  }),
]);
export type Statistic = z.infer<typeof Statistic>;
export type StatisticInput = z.input<typeof Statistic>;

export const STATISTIC_LABELS: Record<Statistic["kind"], string> = {
  mean: "Moyenne",
  median: "Médiane",
  quantile: "Quantile",
  share_above: "Part au-dessus d'un seuil",
  share_below: "Part en dessous d'un seuil",
  share_choice: "Part d'une réponse",
};

/** Continuous quantile, as PostgreSQL's percentile_cont. */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? 0;
  return a + (b - a) * (pos - lo);
}

/** Normalises an answer for choice statistics: booleans read "yes"/"no", lists stay lists. */
const choicesOf = (v: unknown): string[] =>
  typeof v === "boolean" ? [v ? "yes" : "no"] : Array.isArray(v) ? v.map(String) : [String(v)];

/** The statistic over the answers given (missing answers are not in the denominator). */
export function computeStatistic(stat: Statistic, answers: readonly unknown[]): number | null {
  const given = answers.filter((a) => a !== null && a !== undefined);
  if (given.length === 0) return null;
  const nums = () => given.filter((a): a is number => typeof a === "number").sort((a, b) => a - b);
  switch (stat.kind) {
    case "mean": {
      const xs = nums();
      return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
    }
    case "median":
      return quantile(nums(), 0.5);
    case "quantile":
      return quantile(nums(), stat.p);
    case "share_above": {
      const xs = nums();
      const hit = xs.filter((x) => (stat.inclusive ? x >= stat.threshold : x > stat.threshold));
      return xs.length === 0 ? null : hit.length / xs.length;
    }
    case "share_below": {
      const xs = nums();
      const hit = xs.filter((x) => (stat.inclusive ? x <= stat.threshold : x < stat.threshold));
      return xs.length === 0 ? null : hit.length / xs.length;
    }
    case "share_choice": {
      const hit = given.filter((a) => choicesOf(a).some((c) => stat.choices.includes(c)));
      return hit.length / given.length;
    }
  }
}

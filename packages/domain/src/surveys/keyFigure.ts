import { z } from "zod";
import { int, text } from "../kernel/input";
import { coarsenCount, withheldResults } from "./disclosure";
import { Statistic } from "./statistics";
import { effectiveThreshold, type Survey } from "./survey";

/**
 * A key figure: a stored definition over a survey's responses whose value is computed on read.
 * What the press kit quotes. `scale` turns a share into what is printed (100 for a percentage,
 * 10 for "3 internes sur 10"); `template` is the French sentence, `{value}` standing for it.
 */
export const KeyFigureFilter = z.object({
  /** A single-choice (or yes/no) question restricting the population: "internes only". */
  questionId: text({ max: 40 }),
  choices: z
    .array(text({ max: 80 }))
    .min(1)
    .max(500),
});
export type KeyFigureFilter = z.infer<typeof KeyFigureFilter>;

export const KeyFigureDefinition = z.object({
  id: text({ max: 80 }).regex(/^[a-z0-9-]+$/),
  surveySlug: text({ max: 80 }).regex(/^[a-z0-9-]+$/),
  questionId: text({ max: 40 }),
  statistic: Statistic,
  filter: KeyFigureFilter.nullable().default(null),
  scale: z.number().positive().max(1_000_000).default(1),
  decimals: int({ min: 0, max: 2 }).default(0),
  template: text({ max: 500 }).includes("{value}", { error: "Le modèle doit contenir {value}." }),
  /** Only published figures reach the press. */
  published: z.boolean().default(false),
});
export type KeyFigureDefinition = z.infer<typeof KeyFigureDefinition>;
export type KeyFigureDefinitionInput = z.input<typeof KeyFigureDefinition>;

export const FigureProvenance = z.object({
  surveySlug: z.string(),
  survey: z.string(),
  partners: z.array(z.string()),
  year: z.int().nullable(),
  /** Respondents behind the figure (in the filter, having answered the question). */
  respondents: z.int().nonnegative(),
  /** Collection period, first and last day of the responses. */
  from: z.iso.date().nullable(),
  to: z.iso.date().nullable(),
  /** Some responses are synthetic (demo data): say so wherever the figure is shown. */
  synthetic: z.boolean(),
});
export type FigureProvenance = z.infer<typeof FigureProvenance>;

export const ComputedKeyFigure = z.object({
  definition: KeyFigureDefinition,
  /** Rounded as the definition says; null when suppressed or when nobody answered. */
  value: z.number().nullable(),
  suppressed: z.boolean(),
  sentence: z.string().nullable(),
  provenance: FigureProvenance,
});
export type ComputedKeyFigure = z.infer<typeof ComputedKeyFigure>;

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f + Number.EPSILON * f) / f;
}

/** "89,4", "59": French decimal comma, fixed decimals. */
export function formatFigureValue(value: number, decimals: number): string {
  return value.toLocaleString("fr-FR", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: false,
  });
}

export function renderSentence(template: string, value: number, decimals: number): string {
  return template.replaceAll("{value}", formatFigureValue(value, decimals));
}

/**
 * Turns a raw statistic into the figure: scaled, rounded, suppressed when the population is
 * under the survey's threshold.
 */
export function finishKeyFigure(
  definition: KeyFigureDefinition,
  raw: number | null,
  provenance: FigureProvenance,
  threshold?: number,
  survey?: Pick<Survey, "status" | "sensitivity" | "disclosureThreshold">,
): ComputedKeyFigure {
  // A sensitive survey still collecting: no value, the respondents in steps, no period.
  if (survey && withheldResults(survey, provenance.respondents)) {
    const step = effectiveThreshold(survey.disclosureThreshold);
    return {
      definition,
      value: null,
      suppressed: true,
      sentence: null,
      provenance: {
        ...provenance,
        respondents: coarsenCount(provenance.respondents, step),
        from: null,
        to: null,
      },
    };
  }
  const suppressed = provenance.respondents < effectiveThreshold(threshold);
  const value =
    suppressed || raw === null ? null : roundTo(raw * definition.scale, definition.decimals);
  return {
    definition,
    value,
    suppressed,
    sentence:
      value === null ? null : renderSentence(definition.template, value, definition.decimals),
    provenance,
  };
}

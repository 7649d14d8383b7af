import { z } from "zod";
import type { ComputedKeyFigure } from "../surveys/keyFigure";
import type { Statistic } from "../surveys/statistics";
import type { ComputedFigure, FigureDefinition } from "./editorial";
import { FigureCitation } from "./model";

/**
 * Key figures created in the admin (stored definitions, computed from survey responses) as
 * the press kit presents them. The 2026 reference figures keep their hand-written wording;
 * any other published figure gets one derived from its definition and its provenance.
 */

const VALUE = "{value}";
/** "{value} %", "{value}%", "{value}\u202F%": the value and its percent sign. */
const PERCENT_AFTER_VALUE = /\{value\}[\s\u00a0\u202f]*%/;

const fr = (n: number) => String(n).replace(".", ",");

/** The statistic in words, for the provenance in small print. */
function statisticWords(statistic: Statistic, question: string | null, filtered: boolean): string {
  const of = question ? ` à « ${question} »` : "";
  const among = filtered ? " (population restreinte par le filtre de la figure)" : "";
  switch (statistic.kind) {
    case "mean":
      return `Moyenne des réponses${of}${among}.`;
    case "median":
      return `Médiane des réponses${of}${among}.`;
    case "quantile":
      return `Quantile ${fr(statistic.p)} des réponses${of}${among}.`;
    case "share_above":
      return `Part des répondant·es ayant répondu ${statistic.inclusive ? "au moins" : "plus de"} ${fr(statistic.threshold)}${of}${among}.`;
    case "share_below":
      return `Part des répondant·es ayant répondu ${statistic.inclusive ? "au plus" : "moins de"} ${fr(statistic.threshold)}${of}${among}.`;
    case "share_choice":
      return `Part des répondant·es ayant choisi ${statistic.choices.map((c) => `« ${c} »`).join(" ou ")}${of}${among}.`;
  }
}

/**
 * A stored figure's presentation: its sentence without the value as the label (the card
 * prints the value first: "{value} % des internes…" reads "des internes…"; a value inside the
 * sentence leaves "…"), a percentage when the sentence puts "%" after the value, the
 * statistic in words and the survey's provenance.
 */
export function storedFigureDefinition(
  figure: ComputedKeyFigure,
  question: string | null = null,
): FigureDefinition {
  const { definition, provenance } = figure;
  const template = definition.template.trim();
  const percent = PERCENT_AFTER_VALUE.test(template);
  const withoutValue = template.replace(percent ? PERCENT_AFTER_VALUE : VALUE, "");
  const label = template.startsWith(VALUE)
    ? withoutValue.trim()
    : template.replace(percent ? PERCENT_AFTER_VALUE : VALUE, "…").trim();
  return {
    id: definition.id,
    label: label.replace(/\s+/g, " ") || definition.id,
    unit: percent ? "percent" : "number",
    decimals: definition.decimals,
    statistic: statisticWords(definition.statistic, question, definition.filter !== null),
    source: {
      survey: provenance.survey,
      partners: provenance.partners,
      year: provenance.year,
      respondents: null,
    },
  };
}

/**
 * A computed stored figure as the press kit takes it: value, respondents and synthetic flag
 * when it has a value (a suppressed one, or one nobody answered, stays a placeholder), and
 * the derived presentation, used when the reference does not define the id.
 */
export function pressKitFigureOf(
  figure: ComputedKeyFigure,
  question: string | null = null,
): ComputedFigure {
  const known = figure.value !== null;
  return {
    id: figure.definition.id,
    value: figure.value,
    respondents: known ? figure.provenance.respondents : null,
    synthetic: known && figure.provenance.synthetic,
    definition: storedFigureDefinition(figure, question),
  };
}

/**
 * A figure a text may quote (`{{id}}`), as the admin offers it; with, when known, its value
 * now and what the PDF prints in its place (`formatFigure`: "59", "89,4 %", "chiffre à venir").
 */
export const QuotableFigure = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number().nullable().optional(),
  printed: z.string().optional(),
  /** A manual figure's provenance: the admin marks it « chiffre cité » with its source. */
  citation: FigureCitation.optional(),
});
export type QuotableFigure = z.infer<typeof QuotableFigure>;

/**
 * The figures a text may quote, with how the kit labels them: the reference ones first, then
 * each published figure created in the admin that the reference does not define, under the
 * label the kit derives for it (`derivedLabels`, by id) or, without one yet, its template with
 * "…" for the value.
 */
export function quotableFigures(
  reference: readonly { id: string; label: string }[],
  published: readonly { id: string; template: string }[],
  derivedLabels: ReadonlyMap<string, string>,
): QuotableFigure[] {
  const referenceIds = new Set(reference.map((f) => f.id));
  return [
    ...reference.map(({ id, label }) => ({ id, label })),
    ...published
      .filter((f) => !referenceIds.has(f.id))
      .map((f) => ({
        id: f.id,
        label: derivedLabels.get(f.id) ?? f.template.replaceAll(VALUE, "…"),
      })),
  ];
}

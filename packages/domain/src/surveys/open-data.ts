import { z } from "zod";
import { formatFigure } from "../press-kit/french";
import {
  CITED_FIGURE_NOTE,
  citationLine,
  citationOf,
  type ManualFigureFields,
} from "../press-kit/manual-figures";
import type { ComputedKeyFigure } from "./keyFigure";
import { STATISTIC_LABELS } from "./statistics";

/**
 * A published key figure as open data (figures.json, figures.csv): what a journalist needs to
 * quote it with its source. A suppressed figure (too few respondents to publish without
 * exposing someone) keeps its line, says so, and gives neither value nor respondents.
 */
export const OpenFigure = z.object({
  id: z.string(),
  value: z.number().nullable(),
  /** "89,4 % des internes …": the figure in a sentence, as the press kit prints it. */
  sentence: z.string().nullable(),
  /** "Moyenne", "Part d'une réponse"…: how the value is computed from the answers. */
  statistic: z.string(),
  survey: z.string(),
  /** Who ran the survey with the union. */
  partners: z.array(z.string()),
  year: z.int().nullable(),
  respondents: z.int().nullable(),
  /** First and last day of the responses (ISO dates). */
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  /** "Enquête … (partenaires), n = 1 234 répondant·es, du … au …". */
  provenance: z.string(),
  suppressed: z.boolean(),
  /** Computed from demonstration responses: never to be quoted as a real result. */
  synthetic: z.boolean(),
  /** "survey": computed by the union from its survey; "manual": quoted from someone else's publication. */
  origin: z.enum(["survey", "manual"]),
  /** A manual figure's provenance (null for a computed one). */
  citation: z
    .object({
      organisation: z.string(),
      title: z.string(),
      sample: z.string(),
      publishedOn: z.string(),
      url: z.string().nullable(),
    })
    .nullable(),
});
export type OpenFigure = z.infer<typeof OpenFigure>;

export function toOpenFigure(figure: ComputedKeyFigure): OpenFigure {
  const { provenance: p, definition } = figure;
  const known = figure.value !== null && !figure.suppressed;
  const partners = p.partners.length > 0 ? ` (avec ${p.partners.join(", ")})` : "";
  const period = p.from && p.to ? `, réponses du ${p.from} au ${p.to}` : "";
  return {
    id: definition.id,
    value: known ? figure.value : null,
    sentence: known ? figure.sentence : null,
    statistic: STATISTIC_LABELS[definition.statistic.kind],
    survey: p.survey,
    partners: p.partners,
    year: p.year,
    respondents: known ? p.respondents : null,
    periodFrom: p.from,
    periodTo: p.to,
    provenance: figure.suppressed
      ? `${p.survey}${partners} : trop peu de répondant·es pour publier ce chiffre`
      : `${p.survey}${partners}, n = ${p.respondents}${period}${p.synthetic ? " — données de démonstration" : ""}`,
    suppressed: figure.suppressed,
    synthetic: p.synthetic,
    origin: "survey",
    citation: null,
  };
}

/** A manual figure as open data: its value as quoted, marked as such, with its provenance. */
export function toOpenManualFigure(figure: ManualFigureFields): OpenFigure {
  const citation = citationOf(figure);
  return {
    id: figure.id,
    value: figure.value,
    sentence: `${formatFigure(figure)} ${figure.label}`,
    statistic: "Chiffre cité, non calculé par le syndicat",
    survey: figure.sourceTitle,
    partners: [figure.sourceOrganisation],
    year: Number(figure.publishedOn.slice(0, 4)) || null,
    respondents: null,
    periodFrom: null,
    periodTo: null,
    provenance: citationLine(citation),
    suppressed: false,
    synthetic: false,
    origin: "manual",
    citation,
  };
}

/** The CSV columns, in French, and each row's cells (figures.csv). */
export const OPEN_FIGURE_COLUMNS = [
  "identifiant",
  "valeur",
  "phrase",
  "statistique",
  "enquête",
  "partenaires",
  "année",
  "répondant·es",
  "début des réponses",
  "fin des réponses",
  "provenance",
  "masqué",
  "démonstration",
  "origine",
  "organisation source",
  "document source",
  "échantillon",
  "date de publication",
  "lien",
] as const;

export function openFigureRow(f: OpenFigure): (string | number)[] {
  return [
    f.id,
    f.value === null ? "" : String(f.value).replace(".", ","),
    f.sentence ?? "",
    f.statistic,
    f.survey,
    f.partners.join(", "),
    f.year ?? "",
    f.respondents ?? "",
    f.periodFrom ?? "",
    f.periodTo ?? "",
    f.provenance,
    f.suppressed ? "oui" : "non",
    f.synthetic ? "oui" : "non",
    f.origin === "manual" ? CITED_FIGURE_NOTE : "enquête du syndicat",
    f.citation?.organisation ?? "",
    f.citation?.title ?? "",
    f.citation?.sample ?? "",
    f.citation?.publishedOn ?? "",
    f.citation?.url ?? "",
  ];
}

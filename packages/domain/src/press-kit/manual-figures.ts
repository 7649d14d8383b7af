import { z } from "zod";
import type { Role } from "../auth/roles";
import { EditionYear } from "../congress/edition";
import { formatDate } from "../format/dates";
import { int, OptionalWebAddress, text } from "../kernel/input";
import type { Decision, Refusal } from "../kernel/refusal";
import type { ComputedFigure, FigureDefinition } from "./editorial";
import { type FigureCitation, FigureUnit } from "./model";

/**
 * Manual key figures: a figure the union quotes from someone else's publication (a partner's
 * survey, a ministry's report), typed in with its provenance — who published it, in which
 * document, on what sample, when. Never computed: the kit, the admin, the open data and the
 * dossiers say it is quoted (« chiffre cité »), with its source beside it. Quotable in texts
 * exactly like a computed figure (`{{id}}`), per edition.
 */

/** Who creates, edits and deletes them: the bureau (admin stands in). */
export const MANUAL_FIGURE_EDITORS: readonly Role[] = ["admin", "bureau"];

/** Said wherever a manual figure shows: it is quoted, not computed by the union. */
export const CITED_FIGURE_NOTE = "chiffre cité";

const FigureId = z
  .string({ error: "Saisissez un identifiant." })
  .trim()
  .min(1, { error: "L'identifiant est obligatoire." })
  .max(60, { error: "60 caractères au plus." })
  .regex(/^[a-z0-9-]+$/, {
    error: "Lettres minuscules sans accent, chiffres et tirets seulement (ex. « drees-burnout »).",
  });

/**
 * What the bureau types. The provenance fields accept an empty text here: whether they may be
 * empty is the domain's decision (`decideManualFigure`), with its stable reason.
 */
export const ManualFigureFields = z.object({
  id: FigureId,
  /** What the figure measures, read after the value: "des internes en burn-out". */
  label: text({ max: 300 }).min(1, { error: "Le libellé est obligatoire." }),
  value: z
    .number({ error: "Saisissez un nombre." })
    .finite({ error: "Saisissez un nombre." })
    .min(-1e12, { error: "Valeur hors limites." })
    .max(1e12, { error: "Valeur hors limites." }),
  unit: FigureUnit,
  decimals: int({ min: 0, max: 2 }),
  sourceOrganisation: text({ max: 200 }),
  sourceTitle: text({ max: 300 }),
  sample: text({ max: 500 }),
  /** Date of publication (AAAA-MM-JJ); "" while not given (refused by the decision). */
  publishedOn: z.union([
    z.literal(""),
    z.iso.date({ error: "Date attendue au format AAAA-MM-JJ." }),
  ]),
  url: OptionalWebAddress,
});
export type ManualFigureFields = z.infer<typeof ManualFigureFields>;

export const ManualFigureInput = ManualFigureFields.extend(EditionYear.shape);
export type ManualFigureInput = z.infer<typeof ManualFigureInput>;

/** An edit: `id` names the figure changed (its id itself does not change). */
export const ManualFigureUpdate = ManualFigureInput;
export const ManualFigureRef = EditionYear.extend({ id: FigureId });
export type ManualFigureRef = z.infer<typeof ManualFigureRef>;

/** A stored manual figure. */
export const ManualFigure = ManualFigureFields.extend({
  publishedOn: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type ManualFigure = z.infer<typeof ManualFigure>;

const PROVENANCE_FIELDS = {
  sourceOrganisation: "l'organisation source",
  sourceTitle: "le document source",
  sample: "l'échantillon",
  publishedOn: "la date de publication",
} as const;
type ProvenanceField = keyof typeof PROVENANCE_FIELDS;

export const MANUAL_FIGURE_REFUSALS = {
  /** A quoted figure without where it comes from would be a figure nobody can check. */
  provenanceMissing: (missing: ProvenanceField[]): Refusal => ({
    reason: "manual_figure_provenance_missing",
    code: "invalid",
    message: `Un chiffre cité doit dire d'où il vient : indiquez ${missing
      .map((f) => PROVENANCE_FIELDS[f])
      .join(", ")}.`,
    fieldErrors: Object.fromEntries(
      missing.map((f) => [f, [`Indiquez ${PROVENANCE_FIELDS[f]} (obligatoire).`]]),
    ),
  }),
  /** Ids are how texts quote figures: one id, one figure. */
  idTaken: (id: string): Refusal => ({
    reason: "figure_id_taken",
    code: "already_exists",
    message: `L'identifiant « ${id} » est déjà celui d'un autre chiffre clé : choisissez-en un autre.`,
    fieldErrors: { id: ["Identifiant déjà pris par un autre chiffre clé."] },
  }),
  publishedInFuture: (): Refusal => ({
    reason: "manual_figure_published_in_future",
    code: "invalid",
    message: "La date de publication est dans le futur : un chiffre cité a déjà été publié.",
    fieldErrors: { publishedOn: ["Date dans le futur."] },
  }),
  percentOutOfRange: (): Refusal => ({
    reason: "manual_figure_percent_out_of_range",
    code: "invalid",
    message: "Un pourcentage est compris entre 0 et 100.",
    fieldErrors: { value: ["Entre 0 et 100 pour un pourcentage."] },
  }),
} as const;

/**
 * Whether a manual figure may be stored as typed: its provenance complete (organisation,
 * document, sample, date of publication — the address is optional), published by `today`
 * (an ISO date), a percentage between 0 and 100, and, for a new figure, an id no other figure
 * quotable in the edition's texts has (`takenIds`). Answers the figure as stored.
 */
export function decideManualFigure(
  input: ManualFigureFields,
  { takenIds, today }: { takenIds: ReadonlySet<string>; today: string },
): Decision<{ figure: ManualFigureFields }> {
  const figure = { ...input, url: input.url.trim() };
  const missing = (Object.keys(PROVENANCE_FIELDS) as ProvenanceField[]).filter(
    (f) => figure[f].trim() === "",
  );
  if (missing.length > 0)
    return { ok: false, refusal: MANUAL_FIGURE_REFUSALS.provenanceMissing(missing) };
  if (takenIds.has(figure.id))
    return { ok: false, refusal: MANUAL_FIGURE_REFUSALS.idTaken(figure.id) };
  if (figure.publishedOn > today)
    return { ok: false, refusal: MANUAL_FIGURE_REFUSALS.publishedInFuture() };
  if (figure.unit === "percent" && (figure.value < 0 || figure.value > 100))
    return { ok: false, refusal: MANUAL_FIGURE_REFUSALS.percentOutOfRange() };
  return { ok: true, figure };
}

/** A manual figure's provenance as the kit carries it. */
export function citationOf(figure: ManualFigureFields): FigureCitation {
  return {
    organisation: figure.sourceOrganisation,
    title: figure.sourceTitle,
    sample: figure.sample,
    publishedOn: figure.publishedOn,
    url: figure.url || null,
  };
}

/**
 * « Chiffre cité — DREES, « Santé des internes » (12 mars 2025), 1 200 internes interrogé·es ·
 * https://… »: the provenance printed beside a manual figure (PDF, admin, open data).
 */
export function citationLine(citation: FigureCitation): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(citation.publishedOn)
    ? formatDate(citation.publishedOn)
    : citation.publishedOn;
  const url = citation.url ? ` · ${citation.url}` : "";
  return `Chiffre cité — ${citation.organisation}, « ${citation.title} » (${date}), ${citation.sample}${url}`;
}

/**
 * « (chiffre cité — DREES, « Santé des internes », 12 mars 2025 ; 1 200 internes) »: the
 * provenance set in small print right after a manual figure quoted inside a sentence.
 */
export function citationInline(citation: FigureCitation): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(citation.publishedOn)
    ? formatDate(citation.publishedOn)
    : citation.publishedOn;
  return `(${CITED_FIGURE_NOTE} — ${citation.organisation}, « ${citation.title} », ${date} ; ${citation.sample})`;
}

/** A manual figure as the press kit takes it: its value as typed, its provenance beside it. */
export function pressKitManualFigure(figure: ManualFigureFields): ComputedFigure {
  const definition: FigureDefinition = {
    id: figure.id,
    label: figure.label,
    unit: figure.unit,
    decimals: figure.decimals,
    statistic: `Chiffre publié par ${figure.sourceOrganisation}, non calculé par le syndicat.`,
    source: {
      survey: figure.sourceTitle,
      partners: [figure.sourceOrganisation],
      year: Number(figure.publishedOn.slice(0, 4)) || null,
      respondents: null,
    },
    citation: citationOf(figure),
  };
  return { id: figure.id, value: figure.value, respondents: null, synthetic: false, definition };
}

import { z } from "zod";
import { int, text } from "../kernel/input";
import { IsoDate } from "../kernel/time";
import { EditorialBlock } from "../press-kit/editorial";
import { PillarId } from "../press-kit/model";
import { figureRefs, textProblem } from "../press-kit/rich-text";

/**
 * A policy dossier: one fight or one activity of the union, as the press kit presents it
 * under a pillar (Représenter, Défendre, Informer). The body uses the press kit's markup:
 * paragraphs with `**bold**` runs and `{{figure-id}}` references, `{ list }`, `{ tags }`.
 */

export const PILLAR_LABELS: Record<PillarId, string> = {
  representer: "Représenter",
  defendre: "Défendre",
  informer: "Informer",
};

/** Stored codes (English); the labels below are what people read. */
export const DOSSIER_STATUSES = ["watch", "in_progress", "mobilisation", "won", "closed"] as const;
export const DossierStatus = z.enum(DOSSIER_STATUSES, { error: "Statut de dossier inconnu." });
export type DossierStatus = z.infer<typeof DossierStatus>;

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  watch: "Veille",
  in_progress: "En cours",
  mobilisation: "Mobilisation",
  won: "Victoire",
  closed: "Clos",
};

/** A dated step of a dossier ("13 octobre 2023 : grève des internes"). */
export const DossierEventInput = z.object({
  date: IsoDate,
  label: text({ max: 300 }).min(1, { error: "Le libellé de l'événement est obligatoire." }),
});
export type DossierEventInput = z.infer<typeof DossierEventInput>;

export const DossierEvent = DossierEventInput.extend({ id: z.uuid() });
export type DossierEvent = z.infer<typeof DossierEvent>;

const FigureId = text({ max: 80 }).regex(/^[a-z0-9-]+$/, {
  error: "Identifiant de chiffre clé invalide.",
});

export const DossierInput = z.object({
  /** Stable, ASCII; the press kit's item id for seeded dossiers ("attaque-chu"). */
  slug: text({ max: 80 }).regex(/^[a-z0-9-]+$/, {
    error: "Identifiant : minuscules, chiffres et tirets.",
  }),
  title: text({ max: 200 }).min(1, { error: "Le titre est obligatoire." }),
  pillar: PillarId,
  status: DossierStatus,
  /** Short text for journalists: one or two sentences. */
  summary: text({ max: 600, multiline: true }),
  body: z.array(EditorialBlock).max(50),
  partners: z.array(text({ max: 120 }).min(1)).max(20),
  /** Key figures set large beside the text in the press kit; the body quotes each of them. */
  figureIds: z.array(FigureId).max(30),
  /** Order within the pillar, as in the press kit. */
  position: int({
    min: 0,
    max: 10_000,
    error: "Le rang est un nombre entier.",
    tooSmall: "Le rang est un nombre positif ou nul.",
    tooBig: "Le rang va jusqu'à 10 000.",
  }),
});
export type DossierInput = z.infer<typeof DossierInput>;

export const DossierCreate = DossierInput.extend({
  events: z.array(DossierEventInput).max(100).default([]),
});
export type DossierCreate = z.input<typeof DossierCreate>;

/** A partial change; `events`, when given, replaces the whole timeline. */
// Not `DossierCreate.partial()`: zod would still apply `events`' default and wipe the timeline.
export const DossierUpdate = DossierInput.partial().extend({
  id: z.uuid(),
  events: z.array(DossierEventInput).max(100).optional(),
});
export type DossierUpdate = z.input<typeof DossierUpdate>;

export const DossierSummary = DossierInput.extend({
  id: z.uuid(),
  /** Motions of the Conseil d'Administration attached to the dossier. */
  motionIds: z.array(z.uuid()),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

export const Dossier = DossierSummary.extend({
  /** Oldest first. */
  events: z.array(DossierEvent),
});
export type Dossier = z.infer<typeof Dossier>;

export const DossierQuery = z.object({
  pillar: PillarId.optional(),
  status: DossierStatus.optional(),
});
export type DossierQuery = z.infer<typeof DossierQuery>;

/**
 * Why a dossier's text cannot go into the press kit, in French, or null: an unclosed `**`, an
 * unknown `{{figure}}`, or a figure set large that the text does not quote.
 */
export function dossierTextProblem(
  dossier: { body: readonly EditorialBlock[]; figureIds: readonly string[] },
  knownFigures: ReadonlySet<string>,
): string | null {
  const problem = textProblem(dossier.body, knownFigures);
  if (problem) return problem;
  const quoted = new Set(figureRefs(dossier.body));
  for (const id of dossier.figureIds) {
    if (!knownFigures.has(id)) return `Chiffre clé inconnu : ${id}.`;
    if (!quoted.has(id))
      return `Le chiffre clé « ${id} » est mis en avant mais le texte ne le cite pas ({{${id}}}).`;
  }
  return null;
}

/** Names one dossier (get, delete); a deletion answers with it too. */
export const DossierRef = z.object({ id: z.uuid() });
export type DossierRef = z.infer<typeof DossierRef>;

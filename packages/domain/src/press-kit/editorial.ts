import { z } from "zod";
import { text } from "../kernel/input";
import { KeyFigure, PillarId, SectionId, SectionStatus, Signature } from "./model";

/**
 * The editorial half of a press kit: texts written by people, as the bureau hands them over.
 * Paragraphs are strings in a tiny markup — `**bold**`, and `{{figure-id}}` where a survey
 * figure goes — so that no figure is ever typed into the text.
 */

/** A paragraph; `{ list }` for a bulleted list; `{ tags }` for a cloud of short labels. */
const Paragraph = text({ max: 20_000, multiline: true });
export const EditorialBlock = z.union([
  Paragraph,
  z.object({ list: z.array(Paragraph).min(1).max(200) }),
  z.object({ tags: z.array(Paragraph).min(1).max(200) }),
]);
export type EditorialBlock = z.infer<typeof EditorialBlock>;

/** What a figure is and where it comes from; its value is computed, never part of the text. */
export const FigureDefinition = KeyFigure.omit({ value: true, synthetic: true, placeholder: true });
export type FigureDefinition = z.infer<typeof FigureDefinition>;

/**
 * A figure computed from imported survey responses (the surveys feature provides these). A
 * stored figure the reference does not define brings its own presentation (`definition`).
 */
export const ComputedFigure = z.object({
  id: z.string(),
  /** Null while it cannot be given (no answer yet, or under the disclosure threshold). */
  value: z.number().nullable(),
  respondents: z.int().nonnegative().nullable(),
  /** Computed from synthetic (demonstration) responses: the PDF says so beside the figure. */
  synthetic: z.boolean().default(false),
  definition: FigureDefinition.optional(),
});
export type ComputedFigure = z.input<typeof ComputedFigure>;

const heading = { title: z.string().min(1), kicker: z.string().nullable() };
const word = z.object({
  ...heading,
  blocks: z.array(EditorialBlock),
  signature: Signature.nullable(),
});

export const EditorialPillarItem = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  blocks: z.array(EditorialBlock),
  /** Figures set large beside the item; each must also appear in its text. */
  figureIds: z.array(z.string()).default([]),
});

export const PressKitEditorial = z.object({
  organisation: z.string().min(1),
  /** "Congrès des Internes de Médecine Générale": the cover prints "26e " before it. */
  congressName: z.string().min(1),
  documentTitle: z.string().min(1),
  /** Section statuses; a section not listed is "validated". */
  statuses: z.partialRecord(SectionId, SectionStatus).default({}),
  contentsTitle: z.string().min(1),
  opening: word,
  highlights: z.object({
    ...heading,
    /** The flash news subjects as the kit announces them, not tied to one slot. */
    flashTopics: z.array(z.string()),
  }),
  planning: z.object(heading),
  president: word,
  bureau: word,
  pillars: z
    .array(
      z.object({
        id: PillarId,
        title: z.string().min(1),
        tagline: z.string().nullable(),
        items: z.array(EditorialPillarItem),
      }),
    )
    .length(3),
  figures: z.array(FigureDefinition),
  contacts: z.object({
    title: z.string().min(1),
    people: z.array(
      z.object({ name: z.string(), role: z.string(), email: z.string(), phone: z.string() }),
    ),
    websites: z.array(z.string()),
    social: z.array(
      z.object({ network: z.enum(["facebook", "linkedin", "instagram", "x"]), handle: z.string() }),
    ),
  }),
});
export type PressKitEditorial = z.input<typeof PressKitEditorial>;

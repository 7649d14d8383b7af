import { z } from "zod";
import { EditionYear } from "../congress/edition";
import { text } from "../kernel/input";
import type { Refusal } from "../kernel/refusal";
import { FigureDefinition, type PressKitEditorial } from "./editorial";
import { PILLAR_IDS, SECTION_IDS, type SectionId } from "./model";
import { SECTION_TEMPLATE_TITLES } from "./sections";

/**
 * The frame of an edition's press kit, stored with the edition: who publishes it (the
 * organisation, the congress's name), the sections' default headings, the flash topics, the
 * contacts and the definitions of the figures its texts quote. The sections' texts are stored
 * apart (`press_kit_sections`) and printed over the frame: a section nobody has written yet
 * starts from the frame's heading, flash topics and contacts; a contacts section left empty
 * prints the frame's contacts — the edition's own, never another edition's.
 */

const Heading = z.object({
  title: text({ max: 200 }).min(1, { error: "Le titre est obligatoire." }),
  /** The group printed above the title ("Le congrès 2027"); null for none. */
  kicker: text({ max: 120 }).nullable(),
});
export type FrameHeading = z.infer<typeof Heading>;

const Person = z.object({
  name: text({ max: 200 }).min(1, { error: "Le nom est obligatoire." }),
  role: text({ max: 200 }),
  email: text({ max: 200 }),
  phone: text({ max: 60 }),
});

export const FrameContacts = z.object({
  people: z.array(Person).max(30),
  websites: z.array(text({ max: 300 }).min(1)).max(20),
  social: z
    .array(
      z.object({
        network: z.enum(["facebook", "linkedin", "instagram", "x"]),
        handle: text({ max: 200 }).min(1),
      }),
    )
    .max(20),
});
export type FrameContacts = z.infer<typeof FrameContacts>;

export const FrameHeadings = z.record(z.enum(SECTION_IDS), Heading) as unknown as z.ZodType<
  Record<SectionId, FrameHeading>
>;

/** What the frame's editors change (the figure definitions stay as they are). */
export const PressKitFrameFields = z.object({
  organisation: text({ max: 200 }).min(1, { error: "Le nom de l'organisation est obligatoire." }),
  /** "Congrès des Internes de Médecine Générale": the cover prints "27e " before it. */
  congressName: text({ max: 200 }).min(1, { error: "Le nom du congrès est obligatoire." }),
  headings: FrameHeadings,
  flashTopics: z.array(text({ max: 300 }).min(1)).max(50),
  contacts: FrameContacts,
});
export type PressKitFrameFields = z.infer<typeof PressKitFrameFields>;

export const PressKitFrame = PressKitFrameFields.extend({
  /** The figures the kit defines by hand (wording and provenance; values are computed). */
  figures: z.array(FigureDefinition),
});
export type PressKitFrame = z.infer<typeof PressKitFrame>;

/** A stored frame as the admin reads it. */
export const PressKitFrameState = PressKitFrame.extend({
  /** False while the edition has no stored frame (the template is shown). */
  stored: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type PressKitFrameState = z.infer<typeof PressKitFrameState>;

export const PressKitFrameEdit = PressKitFrameFields.extend(EditionYear.shape);
export type PressKitFrameEdit = z.infer<typeof PressKitFrameEdit>;

/** The organisation printed while an edition's frame names none (no edition before it). */
export const FRAME_ORGANISATION_PLACEHOLDER = "Organisation à renseigner";
export const FRAME_CONGRESS_PLACEHOLDER = "Congrès";

/**
 * The frame of a new edition created from scratch: the organisation and the congress's name
 * of the previous edition's frame (the same union holds the same congress), generic headings,
 * no flash topic, no contact, no figure — never another edition's texts.
 */
export function frameTemplate(
  previous: Pick<PressKitFrame, "organisation" | "congressName"> | null,
): PressKitFrame {
  return {
    organisation: previous?.organisation ?? FRAME_ORGANISATION_PLACEHOLDER,
    congressName: previous?.congressName ?? FRAME_CONGRESS_PLACEHOLDER,
    headings: Object.fromEntries(
      SECTION_IDS.map((id) => [id, { title: SECTION_TEMPLATE_TITLES[id], kicker: null }]),
    ) as Record<SectionId, FrameHeading>,
    flashTopics: [],
    contacts: { people: [], websites: [], social: [] },
    figures: [],
  };
}

/** The frame of a kit whose texts are given whole (the 2026 reference, for the demo seed). */
export function frameOfEditorial(editorial: PressKitEditorial): PressKitFrame {
  const pillar = (id: SectionId) => editorial.pillars.find((p) => p.id === id);
  const headings: Record<SectionId, FrameHeading> = {
    couverture: { title: editorial.documentTitle, kicker: null },
    sommaire: { title: editorial.contentsTitle, kicker: null },
    ouverture: { title: editorial.opening.title, kicker: editorial.opening.kicker },
    "temps-forts": { title: editorial.highlights.title, kicker: editorial.highlights.kicker },
    planning: { title: editorial.planning.title, kicker: editorial.planning.kicker },
    "mot-presidente": { title: editorial.president.title, kicker: editorial.president.kicker },
    "mot-bureau": { title: editorial.bureau.title, kicker: editorial.bureau.kicker },
    representer: { title: pillar("representer")?.title ?? "Représenter", kicker: null },
    defendre: { title: pillar("defendre")?.title ?? "Défendre", kicker: null },
    informer: { title: pillar("informer")?.title ?? "Informer", kicker: null },
    contacts: { title: editorial.contacts.title, kicker: null },
  };
  const { title: _title, ...contacts } = editorial.contacts;
  return {
    organisation: editorial.organisation,
    congressName: editorial.congressName,
    headings,
    flashTopics: [...editorial.highlights.flashTopics],
    contacts,
    figures: [...editorial.figures],
  };
}

/**
 * The kit's editorial texts from a frame alone: headings without text (the stored sections
 * bring the texts, `applySections`), no pillar item (the dossiers bring them).
 */
export function editorialOfFrame(frame: PressKitFrame): PressKitEditorial {
  const h = (id: SectionId) => frame.headings[id];
  const word = (id: SectionId) => ({ ...h(id), blocks: [], signature: null });
  return {
    organisation: frame.organisation,
    congressName: frame.congressName,
    documentTitle: h("couverture").title,
    statuses: {},
    contentsTitle: h("sommaire").title,
    opening: word("ouverture"),
    highlights: { ...h("temps-forts"), flashTopics: [...frame.flashTopics] },
    planning: h("planning"),
    president: word("mot-presidente"),
    bureau: word("mot-bureau"),
    pillars: PILLAR_IDS.map((id) => ({ id, title: h(id).title, tagline: null, items: [] })),
    figures: frame.figures,
    contacts: { title: h("contacts").title, ...frame.contacts },
  };
}

/** The refusals of the frame, with their French wording. */
export const FRAME_REFUSALS = {
  unchanged: (): Refusal => ({
    reason: "frame_unchanged",
    code: "invalid",
    message: "Aucune modification à enregistrer.",
  }),
} as const;

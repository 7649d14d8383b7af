import { z } from "zod";
import { SessionKind } from "../congress/session";
import { IsoDate, LocalTime } from "../kernel/time";
import { DayGrid } from "../schedule/grid";

/**
 * The press kit of an edition as one typed model: what the API serves (`pressKit.model`) and
 * what `@tribune/press-kit` turns into a PDF. Everything in it is either computed from the
 * programme (highlights, planning) or editorial text; survey figures are references whose
 * value is computed elsewhere, never typed in.
 */

export const SECTION_KINDS = [
  "cover",
  "contents",
  "opening",
  "highlights",
  "planning",
  "president",
  "bureau",
  "pillar",
  "contacts",
] as const;
export const SectionKind = z.enum(SECTION_KINDS);
export type SectionKind = z.infer<typeof SectionKind>;

/**
 * A section is a draft (printed under the BROUILLON watermark) until the bureau validates it.
 * Stored codes (English); `SECTION_STATUS_LABELS` are what people read.
 */
export const SECTION_STATUSES = ["draft", "validated"] as const;
export const SectionStatus = z.enum(SECTION_STATUSES);
export type SectionStatus = z.infer<typeof SectionStatus>;

/** Stable ids of the sections, in print order. Pillars carry their own id. */
export const SECTION_IDS = [
  "couverture",
  "sommaire",
  "ouverture",
  "temps-forts",
  "planning",
  "mot-presidente",
  "mot-bureau",
  "representer",
  "defendre",
  "informer",
  "contacts",
] as const;
export const SectionId = z.enum(SECTION_IDS);
export type SectionId = z.infer<typeof SectionId>;

export const PILLAR_IDS = ["representer", "defendre", "informer"] as const;
export const PillarId = z.enum(PILLAR_IDS);
export type PillarId = z.infer<typeof PillarId>;

// ——— Key figures ————————————————————————————————————————————————————————————————————————

/** Shown wherever a figure has no computed value yet (the surveys are not imported). */
export const FIGURE_PLACEHOLDER = "chiffre à venir — enquête non importée";
export const FIGURE_PLACEHOLDER_SHORT = "chiffre à venir";
/** Shown for a figure a text quotes but that is no longer published. */
export const FIGURE_UNPUBLISHED = "chiffre non publié — chiffre clé dépublié ou supprimé";

export const FigureUnit = z.enum(["percent", "number"]);
export type FigureUnit = z.infer<typeof FigureUnit>;

export const FigureSource = z.object({
  /** The survey the figure is computed from. */
  survey: z.string().min(1),
  /** Organisations that ran it with us. */
  partners: z.array(z.string()),
  year: z.int().nullable(),
  /** Number of responses behind the figure; null until computed. */
  respondents: z.int().nonnegative().nullable(),
});
export type FigureSource = z.infer<typeof FigureSource>;

/**
 * Where a figure quoted from someone else's publication comes from (a manual figure): the
 * kit, the admin and the open data print it beside the value, marked « chiffre cité ».
 */
export const FigureCitation = z.object({
  organisation: z.string().min(1),
  title: z.string().min(1),
  sample: z.string().min(1),
  /** Date of publication (ISO date). */
  publishedOn: z.string(),
  url: z.string().nullable(),
});
export type FigureCitation = z.infer<typeof FigureCitation>;

export const KeyFigure = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** What the figure measures, read after the value: "des internes travaillent plus de 80 h". */
  label: z.string().min(1),
  unit: FigureUnit,
  /** Digits after the decimal comma. */
  decimals: z.int().min(0).max(2),
  /** The statistic over survey responses, in words (provenance). */
  statistic: z.string(),
  source: FigureSource,
  /** Computed at build time from survey responses; null while the survey is not imported. */
  value: z.number().nullable(),
  /** Computed from synthetic (demonstration) responses: never to be quoted as a real result. */
  synthetic: z.boolean(),
  /** Printed instead of the value while it is null. */
  placeholder: z.string(),
  /** Set for a figure quoted from someone else's publication (typed in, not computed). */
  citation: FigureCitation.optional(),
});
export type KeyFigure = z.infer<typeof KeyFigure>;

// ——— Rich text ——————————————————————————————————————————————————————————————————————————

export const Run = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string(), bold: z.boolean() }),
  z.object({ type: z.literal("figure"), figureId: z.string(), bold: z.boolean() }),
]);
export type Run = z.infer<typeof Run>;

export const Block = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), runs: z.array(Run) }),
  z.object({ type: z.literal("list"), items: z.array(z.array(Run)) }),
  /** Short labels set as a cloud (the places where the union represents interns). */
  z.object({ type: z.literal("tags"), items: z.array(z.string()) }),
]);
export type Block = z.infer<typeof Block>;

export const Signature = z.object({ name: z.string(), role: z.string() });
export type Signature = z.infer<typeof Signature>;

// ——— Sections ———————————————————————————————————————————————————————————————————————————

const base = {
  id: z.string().min(1),
  title: z.string().min(1),
  /** The group a section belongs to, printed above its title ("Le congrès 2026"). */
  kicker: z.string().nullable(),
  status: SectionStatus,
};

export const CoverContent = z.object({
  organisation: z.string(),
  theme: z.string(),
  subtitle: z.string(),
  /** "22 & 23 janvier 2026". */
  dates: z.string(),
  venue: z.string(),
  /** "26e Congrès des Internes de Médecine Générale" (the ordinal's "e" is set as a superscript). */
  congress: z.string(),
  documentTitle: z.string(),
});

export const ContentsEntry = z.object({
  /** Section id, or `${sectionId}/${itemId}` for a pillar item. */
  targetId: z.string(),
  label: z.string(),
  level: z.union([z.literal(0), z.literal(1)]),
});
export type ContentsEntry = z.infer<typeof ContentsEntry>;

export const HighlightEntry = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  day: IsoDate,
  /** "Jeudi 22 janvier". */
  dayLabel: z.string(),
  start: LocalTime,
  end: LocalTime,
  rooms: z.array(z.string()),
});
export type HighlightEntry = z.infer<typeof HighlightEntry>;

export const HIGHLIGHT_KINDS = [
  "table_ronde",
  "boite_a_outils",
  "atelier",
  "flash_actualite",
] as const;
export const HighlightKind = z.enum(HIGHLIGHT_KINDS);
export type HighlightKind = z.infer<typeof HighlightKind>;

export const HighlightGroup = z.object({
  kind: HighlightKind,
  /** "Les tables rondes". */
  label: z.string(),
  entries: z.array(HighlightEntry),
  /** Subjects announced for the whole kind (the flash news topics), if any. */
  topics: z.array(z.string()),
});
export type HighlightGroup = z.infer<typeof HighlightGroup>;

export const LegendEntry = z.object({ kind: SessionKind, label: z.string() });

export const PlanningDay = z.object({
  day: IsoDate,
  /** "Jeudi 22 janvier 2026". */
  label: z.string(),
  /** "Jeudi". */
  weekday: z.string(),
  grid: DayGrid,
  /** The kinds drawn that day, in the grid's colour order. */
  legend: z.array(LegendEntry),
});
export type PlanningDay = z.infer<typeof PlanningDay>;

export const PillarItem = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  blocks: z.array(Block),
  /** Figures set large beside the text (all of them are also referenced in the text). */
  figureIds: z.array(z.string()),
});
export type PillarItem = z.infer<typeof PillarItem>;

export const Contact = z.object({
  name: z.string(),
  role: z.string(),
  email: z.string(),
  phone: z.string(),
});
export const SocialAccount = z.object({
  network: z.enum(["facebook", "linkedin", "instagram", "x"]),
  handle: z.string(),
});

export const PressKitSection = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("cover"), content: CoverContent }),
  z.object({
    ...base,
    kind: z.literal("contents"),
    content: z.object({ entries: z.array(ContentsEntry) }),
  }),
  z.object({
    ...base,
    kind: z.literal("opening"),
    content: z.object({ blocks: z.array(Block), signature: Signature.nullable() }),
  }),
  z.object({
    ...base,
    kind: z.literal("highlights"),
    content: z.object({ groups: z.array(HighlightGroup) }),
  }),
  z.object({
    ...base,
    kind: z.literal("planning"),
    content: z.object({ days: z.array(PlanningDay) }),
  }),
  z.object({
    ...base,
    kind: z.literal("president"),
    content: z.object({ blocks: z.array(Block), signature: Signature.nullable() }),
  }),
  z.object({
    ...base,
    kind: z.literal("bureau"),
    content: z.object({ blocks: z.array(Block), signature: Signature.nullable() }),
  }),
  z.object({
    ...base,
    kind: z.literal("pillar"),
    content: z.object({
      pillar: PillarId,
      tagline: z.string().nullable(),
      items: z.array(PillarItem),
    }),
  }),
  z.object({
    ...base,
    kind: z.literal("contacts"),
    content: z.object({
      people: z.array(Contact),
      websites: z.array(z.string()),
      social: z.array(SocialAccount),
    }),
  }),
]);
export type PressKitSection = z.infer<typeof PressKitSection>;
export type SectionOfKind<K extends SectionKind> = Extract<PressKitSection, { kind: K }>;

export const PressKitModel = z.object({
  edition: z.object({
    number: z.int().positive(),
    year: z.int(),
    theme: z.string(),
    subtitle: z.string(),
    city: z.string(),
    venue: z.string(),
    days: z.array(IsoDate),
  }),
  /** PDF document information. */
  meta: z.object({
    title: z.string(),
    author: z.string(),
    subject: z.string(),
    keywords: z.string(),
    language: z.string(),
  }),
  sections: z.array(PressKitSection),
  figures: z.array(KeyFigure),
  /**
   * What is wrong with the published programme, in French (sessions sharing a room or the whole
   * venue at once, outside the congress days, without a room). The PDF draws overlaps side by
   * side; the exporters warn before printing.
   */
  programmeConflicts: z.array(z.string()).default([]),
});
export type PressKitModel = z.infer<typeof PressKitModel>;

import type { Edition } from "../congress/edition";
import type { Room } from "../congress/room";
import { SESSION_KIND_LABELS, SESSION_KINDS, type Session } from "../congress/session";
import { daysBetween, localDay, localTime } from "../kernel/time";
import { findConflicts } from "../schedule/conflicts";
import { buildDayGrid } from "../schedule/grid";
import { type ComputedFigure, type EditorialBlock, PressKitEditorial } from "./editorial";
import { datesLabel, dayLabel, weekdayLabel } from "./french";
import {
  type ContentsEntry,
  FIGURE_PLACEHOLDER,
  FIGURE_UNPUBLISHED,
  HIGHLIGHT_KINDS,
  type HighlightGroup,
  type HighlightKind,
  type KeyFigure,
  type PillarId,
  type PlanningDay,
  type PressKitModel,
  type PressKitSection,
  type SectionId,
} from "./model";
import { blocksText, isPlaceholderText } from "./placeholders";
import { figureRefs, figuresIn, parseBlocks } from "./rich-text";
import { applySections, type PressKitSectionState } from "./sections";

export const HIGHLIGHT_LABELS: Record<HighlightKind, string> = {
  table_ronde: "Les tables rondes",
  boite_a_outils: "Les boîtes à outils",
  atelier: "Les ateliers",
  flash_actualite: "Flash actualités",
};

export interface PressKitInput {
  edition: Edition;
  rooms: Room[];
  /** The programme; only published sessions reach the press. */
  sessions: Session[];
  /** The reference texts (figure definitions, contacts, flash topics, and every default). */
  editorial: PressKitEditorial;
  /** The edition's stored sections: titles, texts, signatures, statuses over the reference. */
  sections?: PressKitSectionState[];
  /** The policy dossiers: each pillar's items, in order. Without them, the reference's items. */
  dossiers?: PressKitDossier[];
  /** Figures computed from imported survey responses; none until the surveys are imported. */
  computedFigures?: ComputedFigure[];
}

/**
 * The kit's figures: the reference definitions (their wording), then every other computed
 * figure with the presentation it brings, then, as marked placeholders, the figures a text
 * still quotes but that are no longer published (so that unpublishing one never breaks the kit).
 */
export function keyFiguresOf(
  editorial: PressKitEditorial,
  computedFigures: ComputedFigure[],
): KeyFigure[] {
  const computed = new Map(computedFigures.map((f) => [f.id, f]));
  const referenceIds = new Set(editorial.figures.map((f) => f.id));
  const definitions = [
    ...editorial.figures,
    ...computedFigures.flatMap((f) =>
      !referenceIds.has(f.id) && f.definition ? [f.definition] : [],
    ),
  ];
  const figures: KeyFigure[] = definitions.map((definition) => {
    const found = computed.get(definition.id);
    const value = found?.value ?? null;
    return {
      ...definition,
      source: {
        ...definition.source,
        respondents: value === null ? null : (found?.respondents ?? null),
      },
      value,
      synthetic: value !== null && (found?.synthetic ?? false),
      placeholder: FIGURE_PLACEHOLDER,
    };
  });
  const known = new Set(figures.map((f) => f.id));
  const quoted = [
    ...editorial.opening.blocks,
    ...editorial.president.blocks,
    ...editorial.bureau.blocks,
    ...editorial.pillars.flatMap((p) => p.items.flatMap((i) => i.blocks)),
  ];
  const shown = editorial.pillars.flatMap((p) => p.items.flatMap((i) => i.figureIds ?? []));
  for (const id of new Set([...figureRefs(quoted), ...shown])) {
    if (known.has(id)) continue;
    known.add(id);
    figures.push(unpublishedFigure(id));
  }
  return figures;
}

/** A figure a text quotes that is no longer published: printed as a marked placeholder. */
const unpublishedFigure = (id: string): KeyFigure => ({
  id,
  label: `Chiffre clé « ${id} » : non publié à ce jour.`,
  unit: "number",
  decimals: 0,
  statistic: "",
  source: { survey: "aucune enquête publiée", partners: [], year: null, respondents: null },
  value: null,
  synthetic: false,
  placeholder: FIGURE_UNPUBLISHED,
});

/** A policy dossier as the press kit prints it under its pillar. */
export interface PressKitDossier {
  slug: string;
  pillar: PillarId;
  position: number;
  title: string;
  body: EditorialBlock[];
  /** Figures set large beside the text; each is quoted by the body. */
  figureIds: string[];
}

const byPosition = (a: PressKitDossier, b: PressKitDossier) =>
  a.position - b.position || a.title.localeCompare(b.title, "fr");

/** The editorial texts with the stored sections applied and the pillars' items from the dossiers. */
function editorialOf(input: PressKitInput): PressKitEditorial {
  const withSections = input.sections
    ? applySections(input.editorial, input.sections)
    : input.editorial;
  const { dossiers } = input;
  if (!dossiers) return withSections;
  return {
    ...withSections,
    pillars: withSections.pillars.map((pillar) => ({
      ...pillar,
      items: dossiers
        .filter((d) => d.pillar === pillar.id)
        .sort(byPosition)
        .map((d) => ({ id: d.slug, title: d.title, blocks: d.body, figureIds: d.figureIds })),
    })),
  };
}

const byStart = (a: Session, b: Session) => Date.parse(a.startsAt) - Date.parse(b.startsAt);

/**
 * Assembles the press kit of an edition: the cover from the edition, highlights and the
 * planning from the published sessions, the rest from the editorial texts, and every survey
 * figure from its definition — with `value: null` and a visible placeholder until computed.
 * Pure: same input, same model.
 */
export function buildPressKitModel(input: PressKitInput): PressKitModel {
  const editorial = PressKitEditorial.parse(editorialOf(input));
  const { edition, rooms } = input;
  const sessions = input.sessions.filter((s) => s.published).sort(byStart);
  const days = daysBetween(edition.firstDay, edition.lastDay);
  const status = (id: SectionId) => editorial.statuses[id] ?? "validated";

  const figures = keyFiguresOf(editorial, input.computedFigures ?? []);
  const figureIds = new Set(figures.map((f) => f.id));
  if (figureIds.size !== figures.length) throw new Error("Two key figures share an id");
  const blocks = (source: Parameters<typeof parseBlocks>[0]) => parseBlocks(source, figureIds);

  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  const roomOrder = new Map(rooms.map((r) => [r.id, r.order]));
  const firstRoom = (s: Session) => Math.min(...s.roomIds.map((id) => roomOrder.get(id) ?? 99));

  const highlightGroup = (kind: HighlightKind): HighlightGroup => ({
    kind,
    label: HIGHLIGHT_LABELS[kind],
    entries: sessions
      .filter((s) => s.kind === kind)
      .sort((a, b) => byStart(a, b) || firstRoom(a) - firstRoom(b))
      .map((s) => {
        const day = localDay(s.startsAt, edition.timeZone);
        return {
          sessionId: s.id,
          title: s.title,
          day,
          dayLabel: dayLabel(day),
          start: localTime(s.startsAt, edition.timeZone),
          end: localTime(s.endsAt, edition.timeZone),
          rooms: s.roomIds.flatMap((id) => roomName.get(id) ?? []),
        };
      }),
    topics: kind === "flash_actualite" ? [...editorial.highlights.flashTopics] : [],
  });

  const planningDays: PlanningDay[] = days.flatMap((day) => {
    const grid = buildDayGrid(day, rooms, sessions, edition.timeZone);
    if (grid.cells.length === 0) return [];
    const kinds = new Set(grid.cells.map((c) => c.kind));
    const legend = SESSION_KINDS.filter((k) => kinds.has(k)).map((kind) => ({
      kind,
      label: SESSION_KIND_LABELS[kind],
    }));
    return [
      { day, label: dayLabel(day, { year: true }), weekday: weekdayLabel(day), grid, legend },
    ];
  });

  const pillars = editorial.pillars.map((pillar): PressKitSection => {
    // A draft shows what is missing (« Texte à venir »); a validated pillar prints only what
    // has a text (the 2026 kit listed an item it never wrote; validating now requires one).
    const printed =
      status(pillar.id) === "draft"
        ? pillar.items
        : pillar.items.filter((item) => !isPlaceholderText(blocksText(item.blocks)));
    const items = printed.map((item) => {
      const parsed = blocks(item.blocks);
      const inText = new Set(figuresIn(parsed));
      for (const id of item.figureIds) {
        if (!inText.has(id))
          throw new Error(`Figure "${id}" is shown by "${item.title}" but not in its text`);
      }
      return { id: item.id, title: item.title, blocks: parsed, figureIds: [...item.figureIds] };
    });
    return {
      id: pillar.id,
      kind: "pillar",
      title: pillar.title,
      kicker: null,
      status: status(pillar.id),
      content: { pillar: pillar.id, tagline: pillar.tagline, items },
    };
  });

  const congress = `${edition.number}e ${editorial.congressName}`;
  const body: PressKitSection[] = [
    {
      id: "ouverture",
      kind: "opening",
      title: editorial.opening.title,
      kicker: editorial.opening.kicker,
      status: status("ouverture"),
      content: { blocks: blocks(editorial.opening.blocks), signature: editorial.opening.signature },
    },
    {
      id: "temps-forts",
      kind: "highlights",
      title: editorial.highlights.title,
      kicker: editorial.highlights.kicker,
      status: status("temps-forts"),
      content: { groups: HIGHLIGHT_KINDS.map(highlightGroup).filter((g) => g.entries.length > 0) },
    },
    {
      id: "planning",
      kind: "planning",
      title: editorial.planning.title,
      kicker: editorial.planning.kicker,
      status: status("planning"),
      content: { days: planningDays },
    },
    {
      id: "mot-presidente",
      kind: "president",
      title: editorial.president.title,
      kicker: editorial.president.kicker,
      status: status("mot-presidente"),
      content: {
        blocks: blocks(editorial.president.blocks),
        signature: editorial.president.signature,
      },
    },
    {
      id: "mot-bureau",
      kind: "bureau",
      title: editorial.bureau.title,
      kicker: editorial.bureau.kicker,
      status: status("mot-bureau"),
      content: { blocks: blocks(editorial.bureau.blocks), signature: editorial.bureau.signature },
    },
    ...pillars,
    {
      id: "contacts",
      kind: "contacts",
      title: editorial.contacts.title,
      kicker: null,
      status: status("contacts"),
      content: {
        people: editorial.contacts.people,
        websites: editorial.contacts.websites,
        social: editorial.contacts.social,
      },
    },
  ];

  // The stored order (by position), the kit's reference order otherwise.
  const order = [...(input.sections ?? [])]
    .sort((a, b) => a.position - b.position)
    .map((s) => s.sectionId as string);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  body.sort((a, b) => rank(a.id) - rank(b.id));

  const sections: PressKitSection[] = [
    {
      id: "couverture",
      kind: "cover",
      title: editorial.documentTitle,
      kicker: null,
      status: status("couverture"),
      content: {
        organisation: editorial.organisation,
        theme: edition.theme,
        subtitle: edition.subtitle,
        dates: datesLabel(days),
        venue: edition.venue,
        congress,
        documentTitle: editorial.documentTitle,
      },
    },
    {
      id: "sommaire",
      kind: "contents",
      title: editorial.contentsTitle,
      kicker: null,
      status: status("sommaire"),
      content: { entries: contentsOf(body) },
    },
    ...body,
  ];

  // Speakers are not printed: only what changes the planning matters here.
  const programmeConflicts = findConflicts({ edition, rooms, sessions, speakers: [] }).map(
    (c) => c.message,
  );

  return {
    programmeConflicts,
    edition: {
      number: edition.number,
      year: edition.year,
      theme: edition.theme,
      subtitle: edition.subtitle,
      city: edition.city,
      venue: edition.venue,
      days,
    },
    meta: {
      title: `${editorial.documentTitle} — ${congress}, ${edition.city} ${edition.year}`,
      author: editorial.organisation,
      subject: `${edition.theme} : ${edition.subtitle}`,
      keywords: [
        editorial.organisation,
        editorial.congressName,
        edition.city,
        String(edition.year),
      ].join(", "),
      language: "fr",
    },
    sections,
    figures,
  };
}

/**
 * The contents: sections sharing a kicker gather under it ("Le congrès 2026" › "Le planning"),
 * a pillar lists its items.
 */
function contentsOf(sections: PressKitSection[]): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  let group: string | null = null;
  for (const section of sections) {
    if (section.kicker !== null) {
      if (section.kicker !== group)
        entries.push({ targetId: section.id, label: section.kicker, level: 0 });
      group = section.kicker;
      entries.push({ targetId: section.id, label: section.title, level: 1 });
      continue;
    }
    group = null;
    entries.push({ targetId: section.id, label: section.title, level: 0 });
    if (section.kind === "pillar") {
      for (const item of section.content.items) {
        entries.push({ targetId: `${section.id}/${item.id}`, label: item.title, level: 1 });
      }
    }
  }
  return entries;
}

import type { SessionKind } from "@tribune/domain/congress";

/** Colours, sizes and the planning's kind colours: the only place the press kit picks them. */
export const colors = {
  ink: "#1F2A37",
  navy: "#183B56",
  teal: "#1C7C7D",
  coral: "#E4572E",
  sand: "#F6F1E9",
  muted: "#5F6B7A",
  rule: "#D5D9DE",
  white: "#FFFFFF",
  placeholderFill: "#FFF3CD",
  placeholderBorder: "#C98A00",
  placeholderInk: "#7A4D00",
  draft: "#C0392B",
} as const;

export const page = {
  /** A4 in points. */
  width: 595.28,
  height: 841.89,
  marginX: 48,
  marginTop: 54,
  marginBottom: 64,
} as const;
export const contentWidth = page.width - 2 * page.marginX;

/**
 * OpenType features switched off for every text: composition, marks, contextual alternates and
 * the like, which French set in precomposed characters (see `fr()`, NFC) never needs, and which
 * cost fontkit's shaper more than half of a render. Kerning and ligatures stay on.
 */
export const TEXT_FEATURES = {
  ccmp: false,
  locl: false,
  mark: false,
  mkmk: false,
  calt: false,
  clig: false,
  rclt: false,
  rlig: false,
  curs: false,
};

export interface KindColor {
  fill: string;
  bar: string;
}

const institution: KindColor = { fill: "#E3ECF3", bar: colors.navy };
const logistics: KindColor = { fill: "#F4F4F1", bar: "#B8BEC6" };

/** Each kind's tint in the planning (light fills with dark text: readable printed in grey). */
export const KIND_COLORS: Record<SessionKind, KindColor> = {
  pleniere: institution,
  cloture: institution,
  prix: { fill: "#E8F1E4", bar: "#4C8C3A" },
  intervention_partenaire: { fill: "#EEF0F3", bar: "#8A94A3" },
  conference_partenaire: { fill: "#EEF0F3", bar: "#8A94A3" },
  table_ronde: { fill: "#FCE4DB", bar: colors.coral },
  atelier: { fill: "#DDEFEE", bar: colors.teal },
  boite_a_outils: { fill: "#ECE6F5", bar: "#6A4C93" },
  flash_actualite: { fill: "#FFF0C2", bar: "#C98A00" },
  accueil: logistics,
  pause: logistics,
  repas: logistics,
  soiree: { fill: "#F3E6EE", bar: "#9C4F7C" },
};

/** Kinds whose cells carry a small label above the title (logistics speak for themselves). */
export const LABELLED_KINDS: readonly SessionKind[] = [
  "pleniere",
  "table_ronde",
  "boite_a_outils",
  "atelier",
  "flash_actualite",
  "conference_partenaire",
  "intervention_partenaire",
  "prix",
];

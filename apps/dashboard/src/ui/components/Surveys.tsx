import {
  FOR_TERMINAL,
  formatDayMonth,
  formatNumber,
  formatShortDate,
} from "@tribune/domain/format";
import {
  citationInline,
  citationOf,
  formatFigure,
  type ManualFigure,
} from "@tribune/domain/press-kit";
import {
  type ComputedKeyFigure,
  SURVEY_STATUS_LABELS,
  type SurveyCollection,
  type SurveySummary,
} from "@tribune/domain/surveys";
import { Box, Text, useInput } from "ink";
import { useRef, useState } from "react";
import { fit } from "../text";
import { theme } from "../theme";

export interface SurveysProps {
  surveys: SurveySummary[];
  figures: ComputedKeyFigure[];
  /** The edition's figures quoted from someone else's publication (« chiffre cité »). */
  cited?: ManualFigure[];
  /** Responses per subdivision and per day, by survey id (absent: not given by the server). */
  collections?: ReadonlyMap<string, SurveyCollection>;
  width: number;
  height: number;
  filter: string;
  active: boolean;
}

/**
 * A collection period in words: "03/11/2025–14/12/2025", "depuis le 03/11/2025",
 * "jusqu'au 14/12/2025", or "sans dates" (never "?–?").
 */
export function period(from: string | null, to: string | null, compact = false): string {
  // Compact, in the list: the year once when both dates share it ("02/09–13/10/2024").
  if (from && to && compact && from.slice(0, 4) === to.slice(0, 4))
    return `${formatDayMonth(from)}–${formatShortDate(to)}`;
  if (from && to) return `${formatShortDate(from)}–${formatShortDate(to)}`;
  if (from) return `depuis le ${formatShortDate(from)}`;
  if (to) return `jusqu'au ${formatShortDate(to)}`;
  return "sans dates";
}

/** What a suppressed count shows, the same whatever its true size. */
export const SUPPRESSED = "masqué";
const CELL = 26;

/** "Amiens          54" cells, column by column, as many columns as the width holds. */
function subdivisionRows(collection: SurveyCollection, width: number): string[] {
  const columns = Math.max(1, Math.floor((width + 2) / CELL));
  const cells = collection.bySubdivision.map((g) => {
    const count = g.responses === null ? SUPPRESSED : formatNumber(g.responses, FOR_TERMINAL);
    return `${fit(g.subdivision, CELL - 10)}${count.padStart(8)}`;
  });
  const rows = Math.ceil(cells.length / columns);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => cells[c * rows + r] ?? "")
      .filter(Boolean)
      .join("  "),
  );
}

/**
 * Collection progress of each survey, one line each; for the chosen one (←→), its key figures
 * with their provenance, then its responses per subdivision under the disclosure control.
 */
export function Surveys({
  surveys,
  figures,
  cited = [],
  collections,
  width,
  height,
  filter,
  active,
}: SurveysProps) {
  const [top, setTop] = useState(0);
  const [chosen, setChosen] = useState(0);
  const needle = filter.toLowerCase();
  const lines: { key: string; text: string; color?: string; bold?: boolean }[] = [];
  lines.push({ key: "h1", text: "Enquêtes : réponses collectées", bold: true });
  const shownSurveys = surveys.filter((s) => s.title.toLowerCase().includes(needle));
  if (shownSurveys.length === 0)
    lines.push({ key: "none", text: "Aucune enquête.", color: theme.muted });
  const selected = shownSurveys[Math.min(chosen, shownSurveys.length - 1)];
  const many = shownSurveys.length > 1;
  // One line per survey, its facts at the end: the title is what gets cut.
  for (const s of shownSurveys) {
    const mark = many ? (s === selected ? "› " : "  ") : "";
    const facts = ` · ${formatNumber(s.responses, FOR_TERMINAL)} réponses · ${SURVEY_STATUS_LABELS[s.status]} · ${period(s.opensOn, s.closesOn, true)}`;
    const title = `${s.title}${s.synthetic ? " *" : ""}`;
    const room = Math.max(12, width - [...mark].length - [...facts].length);
    lines.push({
      key: `s-${s.id}`,
      text: `${mark}${[...title].length > room ? fit(title, room) : title}${facts}`,
      bold: many && s === selected,
    });
  }

  // The key figures follow the chosen survey: its figures, one line each.
  lines.push({ key: "sp", text: " " });
  const ofSurvey = selected
    ? figures.filter((f) => f.definition.surveySlug === selected.slug)
    : figures;
  const shownFigures = ofSurvey.filter(
    (f) =>
      !needle ||
      selected !== undefined ||
      f.provenance.survey.toLowerCase().includes(needle) ||
      (f.sentence ?? f.definition.template).toLowerCase().includes(needle),
  );
  lines.push({
    key: "h2",
    text: `Chiffres clés${selected ? ` — ${selected.title}` : ""}${many ? " (←→ autre enquête)" : ""}`,
    bold: true,
  });
  const first = shownFigures[0]?.provenance;
  if (first)
    lines.push({
      key: "prov",
      text: `  calculés maintenant · ${period(first.from, first.to)}${first.synthetic ? " · démo" : ""}${first.partners.length ? ` · ${first.partners.join(", ")}` : ""}`,
      color: theme.muted,
    });
  if (shownFigures.length === 0)
    lines.push({
      key: "nofig",
      text: selected ? "Aucun chiffre clé pour cette enquête." : "Aucun chiffre clé défini.",
      color: theme.muted,
    });
  for (const f of shownFigures) {
    const n = `n=${formatNumber(f.provenance.respondents, FOR_TERMINAL)}`;
    lines.push({
      key: `f-${f.definition.id}`,
      text: f.suppressed
        ? `■ masqué : trop peu de réponses (${n}) — ${f.definition.template.replace("{value}", "…")}`
        : `• ${f.sentence ?? "pas encore de réponse"} (${n})${f.definition.published ? "" : " (non publié)"}`,
      color: f.suppressed ? theme.muted : undefined,
    });
  }

  // The figures quoted from others: no survey behind them, each marked with its source.
  const shownCited = cited.filter(
    (f) => !needle || `${f.label} ${f.sourceOrganisation}`.toLowerCase().includes(needle),
  );
  if (shownCited.length > 0) {
    lines.push({ key: "sp-cited", text: " " });
    lines.push({ key: "h-cited", text: "Chiffres cités (source externe)", bold: true });
    for (const f of shownCited)
      lines.push({
        key: `m-${f.id}`,
        // Plain spaces: a terminal may not draw the narrow no-break space of "66,2 %".
        text: `• ${formatFigure(f).replace(/[\u202f\u00a0]/g, " ")} ${f.label} ${citationInline(citationOf(f))}`,
      });
  }

  const collection = selected ? collections?.get(selected.id) : undefined;
  if (selected && collection) {
    lines.push({ key: "sp0", text: " " });
    lines.push({
      key: "hc",
      text: `Réponses par subdivision${many ? " (←→ autre enquête)" : ""} — ${selected.title}`,
      bold: true,
    });
    if (collection.bySubdivision.length === 0)
      lines.push({
        key: "c-none",
        text: "Cette enquête ne demande pas la subdivision.",
        color: theme.muted,
      });
    else {
      subdivisionRows(collection, width).forEach((text, i) => {
        lines.push({ key: `c-${i}`, text });
      });
      if (collection.bySubdivision.some((g) => g.responses === null))
        lines.push({
          key: "c-rule",
          text: `${SUPPRESSED} : moins de ${collection.threshold} réponses, ou déductible des autres (secret statistique)`,
          color: theme.muted,
        });
    }
  }
  if (surveys.some((s) => s.synthetic) || figures.some((f) => f.provenance.synthetic))
    lines.push({
      key: "syn",
      text: "* contient des réponses synthétiques (démonstration)",
      color: theme.muted,
    });

  const maxTop = Math.max(0, lines.length - height);
  const latestMaxTop = useRef(maxTop);
  latestMaxTop.current = maxTop;
  const surveyCount = useRef(shownSurveys.length);
  surveyCount.current = shownSurveys.length;
  useInput(
    (input, key) => {
      if (key.downArrow || input === "j") setTop((t) => Math.min(t + 1, latestMaxTop.current));
      else if (key.upArrow || input === "k") setTop((t) => Math.max(t - 1, 0));
      else if (key.rightArrow || input === "l")
        setChosen((c) => Math.min(c + 1, Math.max(0, surveyCount.current - 1)));
      else if (key.leftArrow || input === "h") setChosen((c) => Math.max(c - 1, 0));
    },
    { isActive: active },
  );
  const start = Math.min(top, maxTop);
  return (
    <Box flexDirection="column">
      {lines.slice(start, start + height).map((l) => (
        <Text key={l.key} color={l.color} bold={l.bold}>
          {fit(l.text, width)}
        </Text>
      ))}
    </Box>
  );
}

import {
  type ComputedKeyFigure,
  SURVEY_STATUS_LABELS,
  type SurveyCollection,
  type SurveySummary,
} from "@tribune/domain";
import { FOR_TERMINAL, formatNumber, formatShortDate } from "@tribune/domain/format";
import { Box, Text, useInput } from "ink";
import { useRef, useState } from "react";
import { fit } from "../text";
import { theme } from "../theme";

export interface SurveysProps {
  surveys: SurveySummary[];
  figures: ComputedKeyFigure[];
  /** Responses per subdivision and per day, by survey id (absent: not given by the server). */
  collections?: ReadonlyMap<string, SurveyCollection>;
  width: number;
  height: number;
  filter: string;
  active: boolean;
}

const shortDate = (iso: string | null) => (iso ? formatShortDate(iso) : "?");

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
 * Collection progress of each survey and, for the chosen one (←→), its responses per
 * subdivision under the survey's disclosure control; then the key figures with their provenance.
 */
export function Surveys({
  surveys,
  figures,
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
  const many = collections !== undefined && shownSurveys.length > 1;
  for (const s of shownSurveys) {
    const mark = many ? (s === selected ? "› " : "  ") : "";
    lines.push({
      key: `s-${s.id}`,
      text: `${mark}${s.title}${s.synthetic ? " *" : ""}`,
      bold: many && s === selected,
    });
    lines.push({
      key: `t-${s.id}`,
      text: `    ${formatNumber(s.responses, FOR_TERMINAL)} réponses · ${SURVEY_STATUS_LABELS[s.status]} · ${shortDate(s.opensOn)}–${shortDate(s.closesOn)}`,
      color: theme.muted,
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
  lines.push({ key: "sp", text: " " });
  lines.push({ key: "h2", text: "Chiffres clés (calculés maintenant)", bold: true });
  const shownFigures = figures.filter(
    (f) =>
      f.provenance.survey.toLowerCase().includes(needle) ||
      (f.sentence ?? f.definition.template).toLowerCase().includes(needle),
  );
  if (shownFigures.length === 0)
    lines.push({ key: "nofig", text: "Aucun chiffre clé défini.", color: theme.muted });
  for (const f of shownFigures) {
    const p = f.provenance;
    lines.push({
      key: `f-${f.definition.id}`,
      text: f.suppressed
        ? `■ masqué : trop peu de réponses (n=${p.respondents}) — ${f.definition.template.replace("{value}", "…")}`
        : `• ${f.sentence ?? "pas encore de réponse"}${f.definition.published ? "" : " (non publié)"}`,
      color: f.suppressed ? theme.muted : undefined,
    });
    lines.push({
      key: `p-${f.definition.id}`,
      text: `    n=${formatNumber(p.respondents, FOR_TERMINAL)} · ${shortDate(p.from)}–${shortDate(p.to)}${p.synthetic ? " · démo" : ""} · ${p.survey}${p.partners.length ? ` (${p.partners.join(", ")})` : ""}`,
      color: theme.muted,
    });
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

import { type ComputedKeyFigure, SURVEY_STATUS_LABELS, type SurveySummary } from "@tribune/domain";
import { Box, Text, useInput } from "ink";
import { useRef, useState } from "react";
import { fit, number } from "../text";
import { theme } from "../theme";

export interface SurveysProps {
  surveys: SurveySummary[];
  figures: ComputedKeyFigure[];
  width: number;
  height: number;
  filter: string;
  active: boolean;
}

const frenchDate = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : "?");

/** Collection progress of each survey, then the key figures with their provenance. */
export function Surveys({ surveys, figures, width, height, filter, active }: SurveysProps) {
  const [top, setTop] = useState(0);
  const needle = filter.toLowerCase();
  const lines: { key: string; text: string; color?: string; bold?: boolean }[] = [];
  lines.push({ key: "h1", text: "Enquêtes : réponses collectées", bold: true });
  const shownSurveys = surveys.filter((s) => s.title.toLowerCase().includes(needle));
  if (shownSurveys.length === 0)
    lines.push({ key: "none", text: "Aucune enquête.", color: theme.muted });
  for (const s of shownSurveys) {
    lines.push({ key: `s-${s.id}`, text: `${s.title}${s.synthetic ? " *" : ""}` });
    lines.push({
      key: `t-${s.id}`,
      text: `    ${number(s.responses)} réponses · ${SURVEY_STATUS_LABELS[s.status]} · ${frenchDate(s.opensOn)}–${frenchDate(s.closesOn)}`,
      color: theme.muted,
    });
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
      text: `    n=${number(p.respondents)} · ${frenchDate(p.from)}–${frenchDate(p.to)}${p.synthetic ? " · démo" : ""} · ${p.survey}${p.partners.length ? ` (${p.partners.join(", ")})` : ""}`,
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
  useInput(
    (input, key) => {
      if (key.downArrow || input === "j") setTop((t) => Math.min(t + 1, latestMaxTop.current));
      else if (key.upArrow || input === "k") setTop((t) => Math.max(t - 1, 0));
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

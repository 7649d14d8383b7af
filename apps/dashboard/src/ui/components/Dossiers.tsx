import { DOSSIER_STATUS_LABELS, type Dossier, PILLAR_LABELS } from "@tribune/domain/dossiers";
import { formatShortDate } from "@tribune/domain/format";
import type { PillarId } from "@tribune/domain/press-kit";
import { Box, Text, useInput } from "ink";
import { useRef, useState } from "react";
import { fit } from "../text";
import { theme } from "../theme";

export interface DossiersProps {
  dossiers: Dossier[];
  width: number;
  height: number;
  filter: string;
  active: boolean;
}

const PILLARS = Object.keys(PILLAR_LABELS) as PillarId[];

/** Words to lines of at most `width` characters, `max` lines, an ellipsis when cut. */
function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && [...`${line} ${word}`].length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${[...(kept[max - 1] ?? "")].slice(0, width - 1).join("")}…`;
  return kept;
}

interface Line {
  key: string;
  text: string;
  color?: string;
  bold?: boolean;
  selected?: boolean;
}

/** Dossiers by pillar with their status; the selected one's press summary and timeline below. */
export function Dossiers({ dossiers, width, height, filter, active }: DossiersProps) {
  const [at, setAt] = useState(0);
  const needle = filter.toLowerCase();
  const shown = PILLARS.flatMap((p) =>
    dossiers
      .filter((d) => d.pillar === p)
      .sort((a, b) => a.position - b.position)
      .filter((d) =>
        [d.title, DOSSIER_STATUS_LABELS[d.status], PILLAR_LABELS[p]].some((t) =>
          t.toLowerCase().includes(needle),
        ),
      ),
  );
  const count = useRef(shown.length);
  count.current = shown.length;
  useInput(
    (input, key) => {
      if (key.downArrow || input === "j") setAt((i) => Math.min(i + 1, count.current - 1));
      else if (key.upArrow || input === "k") setAt((i) => Math.max(i - 1, 0));
    },
    { isActive: active },
  );
  const index = Math.max(0, Math.min(at, shown.length - 1));
  const selected = shown[index];

  const list: Line[] = [];
  let selectedLine = 0;
  for (const p of PILLARS) {
    const ofPillar = shown.filter((d) => d.pillar === p);
    if (ofPillar.length === 0) continue;
    list.push({
      key: `p-${p}`,
      text: `${PILLAR_LABELS[p].toUpperCase()} · ${ofPillar.length} dossier${ofPillar.length > 1 ? "s" : ""}`,
      bold: true,
    });
    for (const d of ofPillar) {
      const status = `[${DOSSIER_STATUS_LABELS[d.status]}]`;
      const mark = d === selected ? "› " : "  ";
      const title = fit(`${mark}${d.title}`, Math.max(10, width - status.length - 1));
      if (d === selected) selectedLine = list.length;
      list.push({ key: `d-${d.id}`, text: `${title} ${status}`, selected: d === selected });
    }
  }
  if (shown.length === 0)
    list.push({
      key: "none",
      text: dossiers.length ? "Aucun dossier ne correspond au filtre." : "Aucun dossier.",
      color: theme.muted,
    });

  const detail: Line[] = [];
  if (selected) {
    detail.push({ key: "sep", text: "─".repeat(width), color: theme.muted });
    detail.push({ key: "title", text: selected.title, bold: true });
    wrap(selected.summary, width, 2).forEach((text, i) => {
      detail.push({ key: `sum-${i}`, text, color: theme.muted });
    });
    if (selected.events.length === 0)
      detail.push({ key: "noev", text: "Pas encore d'événement daté.", color: theme.muted });
    for (const e of selected.events)
      detail.push({ key: `e-${e.id}`, text: `${formatShortDate(e.date)}  ${e.label}` });
  }

  // The list takes what the detail leaves, at least half the body; it scrolls to the selection.
  const listHeight = Math.min(list.length, Math.max(Math.ceil(height / 2), height - detail.length));
  const start = Math.max(0, selectedLine - listHeight + 1);
  const lines = [...list.slice(start, start + listHeight), ...detail.slice(0, height - listHeight)];
  return (
    <Box flexDirection="column">
      {lines.map((l) => (
        <Text
          key={l.key}
          color={l.selected ? theme.selected.color : l.color}
          backgroundColor={l.selected ? theme.selected.backgroundColor : undefined}
          bold={l.bold}
        >
          {fit(l.text, width)}
        </Text>
      ))}
    </Box>
  );
}

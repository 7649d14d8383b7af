import type { LiveCounts } from "@tribune/domain/union";
import { Box, Text, useInput } from "ink";
import { useRef, useState } from "react";
import { fit } from "../text";
import { theme } from "../theme";
import { Bar } from "./Bar";

const SORTS = [
  { id: "confirmed", label: "inscrits" },
  { id: "checkedIn", label: "arrivés" },
  { id: "name", label: "nom" },
] as const;

export interface SubdivisionsProps {
  counts: LiveCounts;
  width: number;
  height: number;
  filter: string;
  active: boolean;
}

/** Every subdivision with its registrations, waitlist and check-ins; `s` changes the sort. */
export function Subdivisions({ counts, width, height, filter, active }: SubdivisionsProps) {
  const [sort, setSort] = useState(0);
  const [top, setTop] = useState(0);
  const by = SORTS[sort] ?? SORTS[0];
  const rows = counts.bySubdivision
    .filter((s) => s.name.toLowerCase().includes(filter.toLowerCase()))
    .sort((a, b) =>
      by.id === "name"
        ? a.name.localeCompare(b.name, "fr")
        : b[by.id] - a[by.id] || a.name.localeCompare(b.name, "fr"),
    );
  const visible = Math.max(1, height - 2);
  const maxTop = Math.max(0, rows.length - visible);
  const latestMaxTop = useRef(maxTop);
  latestMaxTop.current = maxTop;
  useInput(
    (input, key) => {
      const maxTop = latestMaxTop.current;
      if (input === "s") setSort((s) => (s + 1) % SORTS.length);
      else if (key.downArrow || input === "j") setTop((t) => Math.min(t + 1, maxTop));
      else if (key.upArrow || input === "k") setTop((t) => Math.max(t - 1, 0));
    },
    { isActive: active },
  );
  const start = Math.min(top, maxTop);
  const max = Math.max(1, ...rows.map((s) => s.confirmed));
  const nameWidth = 18;
  const barWidth = Math.max(5, width - nameWidth - 28);
  return (
    <Box flexDirection="column">
      <Text bold>
        {fit(
          `${"Subdivision".padEnd(nameWidth)} ${"inscrits".padStart(8)} ${"attente".padStart(7)} ${"arrivés".padStart(8)}  tri : ${by.label} (s)`,
          width,
        )}
      </Text>
      {rows.slice(start, start + visible).map((s) => (
        <Text key={s.subdivisionId}>
          {fit(s.name, nameWidth)} {String(s.confirmed).padStart(8)}{" "}
          {String(s.waitlisted).padStart(7)} {String(s.checkedIn).padStart(8)}{" "}
          <Bar done={s.checkedIn} total={s.confirmed} max={max} width={barWidth} />
        </Text>
      ))}
      <Text color={theme.muted}>
        {fit(
          rows.length === 0
            ? "Aucune subdivision ne correspond au filtre."
            : `${start + 1}–${Math.min(rows.length, start + visible)} sur ${rows.length} · █ arrivés ▒ inscrits`,
          width,
        )}
      </Text>
    </Box>
  );
}

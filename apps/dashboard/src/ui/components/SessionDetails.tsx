import {
  type Room,
  SESSION_KIND_LABELS,
  type Session,
  type Speaker,
  THEME_LABELS,
} from "@tribune/domain/congress";
import { formatSlot } from "@tribune/domain/format";
import { Box, Text } from "ink";
import { fit } from "../text";
import { theme } from "../theme";

export interface SessionDetailsProps {
  session: Session;
  rooms: Room[];
  speakers: Speaker[];
  conflicts: string[];
  timeZone: string;
  width: number;
  height: number;
}

/** Wraps a paragraph to a width, word by word. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(line);
  }
  return out;
}

/** One session: what, when, where, its conflicts and its description. */
export function SessionDetails({
  session,
  rooms,
  speakers,
  conflicts,
  timeZone,
  width,
  height,
}: SessionDetailsProps) {
  const where = session.wholeVenue
    ? "tout le lieu"
    : rooms
        .filter((r) => session.roomIds.includes(r.id))
        .map((r) => r.name)
        .join(", ") || "aucune salle";
  const lines: React.ReactNode[] = [];
  const add = (text: string, props: { bold?: boolean; color?: string } = {}) =>
    lines.push(
      <Text key={`line-${lines.length}`} {...props}>
        {text}
      </Text>,
    );
  for (const line of wrap(session.title, width)) add(line, { bold: true });
  add(
    fit(
      `${SESSION_KIND_LABELS[session.kind]} · ${formatSlot(session.startsAt, session.endsAt, timeZone)} · ${where}`,
      width,
    ),
  );
  add(
    fit(
      `${session.published ? "Publiée" : "Brouillon (non publiée)"}${session.themes.length ? ` · ${session.themes.map((t) => THEME_LABELS[t]).join(", ")}` : ""}`,
      width,
    ),
    { color: theme.muted },
  );
  const who = speakers
    .filter((s) => session.speakerIds.includes(s.id))
    .map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name));
  if (who.length > 0) for (const line of wrap(`Avec ${who.join(", ")}`, width)) add(line);
  for (const c of conflicts) add(fit(`! ${c}`, width), { color: theme.warn });
  add(" ");
  for (const line of wrap(session.description || "(pas de description)", width)) add(line);
  return <Box flexDirection="column">{lines.slice(0, height)}</Box>;
}

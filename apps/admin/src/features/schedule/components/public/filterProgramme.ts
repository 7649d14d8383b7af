import { SESSION_KIND_LABELS, type SessionKind } from "@tribune/domain/congress";
import type { ProgrammeEntry } from "@tribune/domain/schedule";

/** What a visitor narrows the programme to: free text, a kind of session, a room. */
export interface ProgrammeFilter {
  text: string;
  kind: SessionKind | "";
  room: string;
}

export const NO_FILTER: ProgrammeFilter = { text: "", kind: "", room: "" };

export const isFiltered = (filter: ProgrammeFilter) =>
  filter.text.trim() !== "" || filter.kind !== "" || filter.room !== "";

/** Lower case without accents: « théâtre » finds « Théâtre » and « theatre ». */
export const folded = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/**
 * Whether an entry matches: every word typed appears somewhere in its title, description,
 * speakers, partner, rooms or kind; a session for the whole venue without a room is in every
 * room (the welcome, the breaks happen everywhere).
 */
export function matches(entry: ProgrammeEntry, filter: ProgrammeFilter): boolean {
  if (filter.kind && entry.kind !== filter.kind) return false;
  if (filter.room) {
    const everywhere = entry.wholeVenue && entry.rooms.length === 0;
    if (!everywhere && !entry.rooms.includes(filter.room)) return false;
  }
  const words = folded(filter.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = folded(
    [
      entry.title,
      entry.description,
      ...entry.speakers,
      entry.partner ?? "",
      ...entry.rooms,
      SESSION_KIND_LABELS[entry.kind],
    ].join(" "),
  );
  return words.every((word) => haystack.includes(word));
}

/** The kinds and rooms the programme has, for the filters' lists (French order). */
export function filterChoices(entries: readonly ProgrammeEntry[]) {
  const byFrench = (a: string, b: string) => a.localeCompare(b, "fr");
  const kinds = [...new Set(entries.map((e) => e.kind))].sort((a, b) =>
    byFrench(SESSION_KIND_LABELS[a], SESSION_KIND_LABELS[b]),
  );
  const rooms = [...new Set(entries.flatMap((e) => e.rooms))].sort(byFrench);
  return { kinds, rooms };
}

/** What the organiser reads once a session is saved, moved or deleted. */
export interface Notice {
  tone: "ok" | "warning" | "error";
  text: string;
  /** A way back for a few seconds (a drag is saved at once): the toast's « Annuler ». */
  undo?: () => void;
}

/** How long a move can be undone from its toast. */
export const UNDO_MS = 8000;

/** "Enregistré, avec 1 conflit : …": saving a conflicting draft is allowed, but never silent. */
export function savedNotice(conflicts: { message: string }[], saved = "Enregistré"): Notice {
  if (conflicts.length === 0) return { tone: "ok", text: `${saved}.` };
  const count = conflicts.length === 1 ? "1 conflit" : `${conflicts.length} conflits`;
  return {
    tone: "warning",
    text: `${saved}, avec ${count} : ${conflicts.map((c) => c.message).join(" ")}`,
  };
}

import type { RouterOutputs } from "@tribune/api/types";
import { formatDate } from "@tribune/domain/format";

type Meeting = RouterOutputs["motion"]["meetings"][number];

/** "Lille, 14 mars 2026" — or "date non précisée" for a meeting known from the press only. */
export const meetingLabel = (m: Meeting) =>
  `${m.city}, ${m.date ? formatDate(m.date) : "date non précisée"}`;

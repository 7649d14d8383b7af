import type { Executor } from "@tribune/db";
import {
  listAllManualFigureIds,
  listManualFigures,
  listPressKitFrames,
} from "@tribune/db/repos/press-kit-frames";
import { listKeyFigureDefinitions } from "@tribune/db/repos/surveys";
import { frameOf } from "./press-kit/frame";

/**
 * The figures a text may quote: every published key figure stored in the admin, and, for an
 * edition's kit, the figures its frame defines and its manual (quoted) figures. A dossier is
 * shared by every edition: it may quote any edition's. (The kit prints one whose survey is not
 * published yet as a placeholder, one another edition defines as « chiffre non publié ».)
 */
export async function quotableFigureIds(
  db: Executor,
  editionId: string | null = null,
): Promise<Set<string>> {
  const stored = (await listKeyFigureDefinitions(db)).filter((f) => f.published).map((f) => f.id);
  if (editionId) {
    const frame = await frameOf(db, editionId);
    const manual = await listManualFigures(db, editionId);
    return new Set([...frame.figures.map((f) => f.id), ...manual.map((f) => f.id), ...stored]);
  }
  const frames = await listPressKitFrames(db);
  return new Set([
    ...frames.flatMap((f) => f.frame.figures.map((d) => d.id)),
    ...(await listAllManualFigureIds(db)),
    ...stored,
  ]);
}

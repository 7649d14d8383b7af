import { type Executor, listKeyFigureDefinitions } from "@tribune/db";
import { pressKitEditorial2026 } from "@tribune/domain";

/**
 * The figures a text may quote (a press-kit section, a dossier): the reference ones and every
 * published key figure stored in the admin. (The kit prints one whose survey is not published
 * yet as a placeholder.)
 */
export async function quotableFigureIds(db: Executor): Promise<Set<string>> {
  const stored = (await listKeyFigureDefinitions(db)).filter((f) => f.published);
  return new Set([...pressKitEditorial2026().figures.map((f) => f.id), ...stored.map((f) => f.id)]);
}

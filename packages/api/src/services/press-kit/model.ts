import { listDossiers } from "@tribune/db";
import { buildPressKitModel, type PressKitModel, pressKitEditorial2026 } from "@tribune/domain";
import type { ServiceContext } from "../kit";
import { loadSchedule } from "../schedule/load";
import { kitFigures } from "./figures";
import { editionOf, sectionsOf } from "./sections";

/**
 * The press kit of an edition as one model, ready to render: the edition, its rooms and
 * published sessions, its sections (stored, else templates), the pillars' dossiers, and the
 * published key figures computed now (see `kitFigures`). The reference texts give the figure
 * definitions and contacts the sections do not.
 */
export async function pressKitModel(
  ctx: ServiceContext,
  { year }: { year: number },
): Promise<PressKitModel> {
  const edition = await editionOf(ctx.db, year);
  const { rooms, sessions } = await loadSchedule(ctx.db, edition.id, { publishedOnly: true });
  return buildPressKitModel({
    edition,
    rooms,
    sessions,
    editorial: pressKitEditorial2026(),
    sections: await sectionsOf(ctx.db, edition.id),
    dossiers: await listDossiers(ctx.db),
    computedFigures: await kitFigures(ctx.db),
  });
}

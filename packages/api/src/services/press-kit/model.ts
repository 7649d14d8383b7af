import { listDossiers } from "@tribune/db/repos/dossiers";
import {
  buildPressKitModel,
  editorialOfFrame,
  type PressKitModel,
} from "@tribune/domain/press-kit";
import type { ServiceContext } from "../kit";
import { loadSchedule } from "../schedule/load";
import { kitFigures } from "./figures";
import { frameOf } from "./frame";
import { editionOf, sectionsOf } from "./sections";

/**
 * The press kit of an edition as one model, ready to render: the edition, its rooms and
 * published sessions, its frame (organisation, congress name, headings, contacts, figure
 * definitions — stored per edition, a template otherwise), its sections (stored, else started
 * from the frame), the pillars' dossiers, and the key figures: published ones computed now and
 * the edition's manual (quoted) ones (see `kitFigures`).
 */
export async function pressKitModel(
  ctx: ServiceContext,
  { year }: { year: number },
): Promise<PressKitModel> {
  const edition = await editionOf(ctx.db, year);
  const { rooms, sessions } = await loadSchedule(ctx.db, edition.id, { publishedOnly: true });
  const frame = await frameOf(ctx.db, edition.id);
  return buildPressKitModel({
    edition,
    rooms,
    sessions,
    editorial: editorialOfFrame(frame),
    sections: await sectionsOf(ctx.db, edition.id),
    dossiers: await listDossiers(ctx.db),
    computedFigures: await kitFigures(ctx.db, edition.id),
  });
}

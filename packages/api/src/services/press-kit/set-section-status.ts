import { listDossiers } from "@tribune/db/repos/dossiers";
import { savePressKitSection } from "@tribune/db/repos/press-kit-sections";
import { enforce } from "@tribune/domain/kernel";
import {
  decideSectionStatus,
  PILLAR_IDS,
  type PillarId,
  type PressKitSectionState,
  type PressKitSectionStatusChange,
  sectionPlaceholders,
} from "@tribune/domain/press-kit";
import type { Actor } from "../../context";
import { change, clockOf, type ServiceContext } from "../kit";
import { sectionEntityId, sectionOf, writableEditionOf } from "./sections";

/**
 * Validates a section (stamped with who and when) or returns it to draft, audited: the
 * bureau's word, and admin's. A section still holding a placeholder (an empty word, a pillar
 * item without text) is not validated.
 */
export function setSectionStatus(
  ctx: ServiceContext & { actor: Actor },
  { year, sectionId, status }: PressKitSectionStatusChange,
): Promise<PressKitSectionState> {
  return change(ctx, async (tx, effects) => {
    const edition = await writableEditionOf(tx, year);
    const before = await sectionOf(tx, edition.id, sectionId);
    const pillar = PILLAR_IDS.find((id): id is PillarId => id === sectionId);
    const items = pillar ? await listDossiers(tx, { pillar }) : [];
    const { section } = enforce(
      decideSectionStatus(before, status, sectionPlaceholders(before, items)),
    );
    await savePressKitSection(tx, edition.id, section, ctx.actor.email, clockOf(ctx).now());
    const saved = await sectionOf(tx, edition.id, sectionId);
    await effects.audit({
      entity: "press_kit_section",
      entityId: sectionEntityId(year, sectionId),
      action: "update",
      before,
      after: saved,
    });
    return saved;
  });
}

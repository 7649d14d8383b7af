import type { Executor } from "@tribune/db";
import { findEditionByYear } from "@tribune/db/repos/editions";
import { listPressKitSections } from "@tribune/db/repos/press-kit-sections";
import {
  type PressKitSectionState,
  type SectionId,
  sectionsWithTemplates,
} from "@tribune/domain/press-kit";
import { found } from "../../found";
import { assertEditionWritable } from "../editions/writable";
import type { ServiceContext } from "../kit";
import { frameOf } from "./frame";

/** The edition of a kit, by its year ("L'édition 2031 introuvable."). */
export async function editionOf(db: Executor, year: number) {
  return found(await findEditionByYear(db, year), `L'édition ${year}`);
}

/** The edition of a kit being changed: refused (locked) once the edition is archived. */
export async function writableEditionOf(tx: Executor, year: number) {
  return assertEditionWritable(tx, (await editionOf(tx, year)).id);
}

/**
 * Every section of an edition's kit in print order: stored, else a template started from the
 * edition's frame (its heading; the flash topics, the contacts) — never another edition's texts.
 */
export async function sectionsOf(db: Executor, editionId: string): Promise<PressKitSectionState[]> {
  return sectionsWithTemplates(
    await listPressKitSections(db, editionId),
    await frameOf(db, editionId),
  );
}

/** One section of an edition's kit, stored or template. */
export async function sectionOf(
  db: Executor,
  editionId: string,
  sectionId: SectionId,
): Promise<PressKitSectionState> {
  return found(
    (await sectionsOf(db, editionId)).find((s) => s.sectionId === sectionId),
    "Section",
  );
}

/** The sections of an edition's kit in print order, with their texts and statuses. */
export async function listSections(
  ctx: ServiceContext,
  { year }: { year: number },
): Promise<PressKitSectionState[]> {
  return sectionsOf(ctx.db, (await editionOf(ctx.db, year)).id);
}

/** How the audit log names a section: "2026/mot-presidente". */
export const sectionEntityId = (year: number, sectionId: SectionId) => `${year}/${sectionId}`;

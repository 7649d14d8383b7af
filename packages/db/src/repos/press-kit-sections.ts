import {
  type PressKitSectionFields,
  type PressKitSectionState,
  type SectionId,
  type SectionStatus,
  validationStamp,
} from "@tribune/domain/press-kit";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { pressKitSections } from "../schema";

type Row = typeof pressKitSections.$inferSelect;

const toState = (r: Row): PressKitSectionState => ({
  sectionId: r.sectionId,
  position: r.position,
  title: r.title,
  kicker: r.kicker,
  text: r.text,
  signature: r.signature ?? null,
  status: r.status,
  stored: true,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
  validatedAt: r.validatedAt,
  validatedBy: r.validatedBy,
});

/** The stored sections of an edition's press kit, in print order. */
export async function listPressKitSections(
  db: Executor,
  editionId: string,
): Promise<PressKitSectionState[]> {
  const rows = await db
    .select()
    .from(pressKitSections)
    .where(eq(pressKitSections.editionId, editionId))
    .orderBy(asc(pressKitSections.position));
  return rows.map(toState);
}

/**
 * Writes a section's fields and status (insert or replace), `by` being the e-mail of who did
 * it, `at` when. The validation stamp is the domain's `validationStamp`: who validated and
 * when, cleared by a return to draft.
 */
export async function savePressKitSection(
  db: Executor,
  editionId: string,
  section: PressKitSectionFields & {
    sectionId: SectionId;
    position: number;
    status: SectionStatus;
  },
  by: string | null,
  at: Date = new Date(),
): Promise<void> {
  const values = {
    position: section.position,
    title: section.title,
    kicker: section.kicker,
    text: section.text,
    signature: section.signature,
    status: section.status,
    updatedBy: by,
    updatedAt: at.toISOString(),
    ...validationStamp(section.status, by, at),
  };
  await db
    .insert(pressKitSections)
    .values({ editionId, sectionId: section.sectionId, ...values })
    .onConflictDoUpdate({
      target: [pressKitSections.editionId, pressKitSections.sectionId],
      set: values,
    });
}

/** Moves a stored section to `position`; its texts, status and stamps stay as they are. */
export async function setPressKitSectionPosition(
  db: Executor,
  editionId: string,
  sectionId: SectionId,
  position: number,
): Promise<void> {
  await db
    .update(pressKitSections)
    .set({ position })
    .where(
      and(eq(pressKitSections.editionId, editionId), eq(pressKitSections.sectionId, sectionId)),
    );
}

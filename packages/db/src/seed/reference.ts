import {
  frameOfEditorial,
  type PressKitSectionState,
  sectionStates,
} from "@tribune/domain/press-kit";
import { pressKitEditorial2026, referenceProgramme2026 } from "@tribune/reference";
import { and, eq } from "drizzle-orm";
import type { Database, Executor } from "../client";
import { findEditionByYear, setEditionPartners } from "../repos/editions";
import { insertPressKitFrameIfMissing } from "../repos/press-kit-frames";
import { listPressKitSections, savePressKitSection } from "../repos/press-kit-sections";
import { insertSession } from "../repos/sessions";
import { editions, partners, pressKitSections, rooms } from "../schema";
import { seedReferenceDossiers } from "./dossiers";
import { ensureEditionQuota, seedSubdivisions } from "./subdivisions";

/**
 * Loads the 26th congress from the 2026 press kit. Idempotent: once the edition exists it is
 * left alone, so a restart never overwrites what organisers have edited since.
 */
export async function seedReferenceEdition(db: Database): Promise<{ created: boolean }> {
  const reference = referenceProgramme2026();
  return db.transaction(async (tx) => {
    // Subdivisions came after the first databases were created: seeded on their own terms.
    await seedSubdivisions(tx);
    // So did the press kit's dossiers (issue 6): also seeded on their own terms.
    await seedReferenceDossiers(tx);
    if (await findEditionByYear(tx, reference.edition.year)) {
      await seedPressKitSections(tx, reference.edition.id);
      await seedPressKitFrame(tx, reference.edition.id);
      return { created: false };
    }
    await tx.insert(editions).values(reference.edition);
    await tx.insert(rooms).values(reference.rooms);
    await tx.insert(partners).values(reference.partners).onConflictDoNothing();
    await setEditionPartners(
      tx,
      reference.edition.id,
      reference.partners.map((p) => p.id),
    );
    for (const session of reference.sessions) await insertSession(tx, session);
    // The venue took about a thousand interns (press kit): the edition's capacity.
    await ensureEditionQuota(tx, reference.edition.id, reference.edition.expectedAttendance);
    await seedPressKitSections(tx, reference.edition.id);
    await seedPressKitFrame(tx, reference.edition.id);
    return { created: true };
  });
}

/**
 * The 2026 press kit's frame (organisation, congress name, headings, flash topics, contacts,
 * figure definitions), unless the edition has one (then it is left as edited). The only place
 * the runtime writes the 2026 frame: other editions get theirs from a copy or a template.
 */
async function seedPressKitFrame(tx: Executor, editionId: string): Promise<void> {
  await insertPressKitFrameIfMissing(tx, editionId, frameOfEditorial(pressKitEditorial2026()));
}

/**
 * The 2026 press kit's sections as the bureau validated them (the published kit), unless the
 * edition already has stored sections (then they are left as edited).
 */
async function seedPressKitSections(tx: Executor, editionId: string): Promise<void> {
  const stored = await listPressKitSections(tx, editionId);
  const reference = sectionStates([], pressKitEditorial2026());
  if (stored.length === 0) {
    for (const section of reference)
      await savePressKitSection(tx, editionId, { ...section, status: "validated" }, null);
    return;
  }
  await fillEditableContacts(tx, editionId, stored, reference);
}

/**
 * Contacts and flash topics became editable texts after the first kits were stored, with an
 * empty text (a contacts text is never empty since: the API refuses it). Such a kit gets the
 * reference's texts, its statuses and stamps kept, so that it prints as it did.
 */
async function fillEditableContacts(
  tx: Executor,
  editionId: string,
  stored: PressKitSectionState[],
  reference: PressKitSectionState[],
): Promise<void> {
  const contacts = stored.find((s) => s.sectionId === "contacts");
  if (!contacts || contacts.text.trim()) return;
  for (const section of stored) {
    if (section.sectionId !== "contacts" && section.sectionId !== "temps-forts") continue;
    if (section.text.trim()) continue;
    const text = reference.find((r) => r.sectionId === section.sectionId)?.text ?? "";
    await tx
      .update(pressKitSections)
      .set({ text })
      .where(
        and(
          eq(pressKitSections.editionId, editionId),
          eq(pressKitSections.sectionId, section.sectionId),
        ),
      );
  }
}

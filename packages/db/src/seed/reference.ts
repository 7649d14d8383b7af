import { pressKitEditorial2026, referenceProgramme2026, sectionStates } from "@tribune/domain";
import type { Database, Executor } from "../client";
import { findEditionByYear } from "../repos/editions";
import { listPressKitSections, savePressKitSection } from "../repos/press-kit-sections";
import { insertSession } from "../repos/sessions";
import { editions, partners, rooms } from "../schema";
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
      return { created: false };
    }
    await tx.insert(editions).values(reference.edition);
    await tx.insert(rooms).values(reference.rooms);
    await tx.insert(partners).values(reference.partners).onConflictDoNothing();
    for (const session of reference.sessions) await insertSession(tx, session);
    // The venue took about a thousand interns (press kit): the edition's capacity.
    await ensureEditionQuota(tx, reference.edition.id, reference.edition.expectedAttendance);
    await seedPressKitSections(tx, reference.edition.id);
    return { created: true };
  });
}

/**
 * The 2026 press kit's sections as the bureau validated them (the published kit), unless the
 * edition already has stored sections (then they are left as edited).
 */
async function seedPressKitSections(tx: Executor, editionId: string): Promise<void> {
  if ((await listPressKitSections(tx, editionId)).length > 0) return;
  for (const section of sectionStates([], pressKitEditorial2026()))
    await savePressKitSection(tx, editionId, { ...section, status: "valide" }, null);
}

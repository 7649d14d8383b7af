import { referenceProgramme2026 } from "@tribune/domain";
import type { Database } from "../client";
import { findEditionByYear } from "../repos/editions";
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
    if (await findEditionByYear(tx, reference.edition.year)) return { created: false };
    await tx.insert(editions).values(reference.edition);
    await tx.insert(rooms).values(reference.rooms);
    await tx.insert(partners).values(reference.partners).onConflictDoNothing();
    for (const session of reference.sessions) await insertSession(tx, session);
    // The venue took about a thousand interns (press kit): the edition's capacity.
    await ensureEditionQuota(tx, reference.edition.id, reference.edition.expectedAttendance);
    return { created: true };
  });
}

import { registrationOutcome } from "@tribune/domain/union";
import { generateSyntheticRegistrations, referenceSubdivisions } from "@tribune/reference";
import { count, eq } from "drizzle-orm";
import type { Database, Executor } from "../client";
import { insertMembers } from "../repos/members";
import { admitRegistration, lockEditionQuota, lockRegistrationFacts } from "../repos/registrations";
import { members, registrationQuotas, subdivisions } from "../schema";

/**
 * Loads the federation's 23 subdivisions when there are none yet. Idempotent, and never
 * overwrites what organisers changed since (nor brings back one they deleted).
 */
export async function seedSubdivisions(db: Executor): Promise<{ created: boolean }> {
  const [existing] = await db.select({ n: count() }).from(subdivisions);
  if (Number(existing?.n ?? 0) > 0) return { created: false };
  await db.insert(subdivisions).values(referenceSubdivisions()).onConflictDoNothing();
  return { created: true };
}

/** Gives an edition its quota row with this capacity, unless it already has one. */
export async function ensureEditionQuota(
  db: Executor,
  editionId: string,
  capacity: number | null,
): Promise<void> {
  await db.insert(registrationQuotas).values({ editionId, capacity }).onConflictDoNothing();
}

/**
 * Registers `count` synthetic attendees (generateSyntheticRegistrations) to the edition, each
 * with a synthetic member record, through the same capacity rules as real registrations.
 * Idempotent per person: whoever is already registered is skipped.
 */
export async function seedSyntheticRegistrations(
  db: Database,
  editionId: string,
  howMany: number,
  seed = 2026,
): Promise<{ registered: number; waitlisted: number; skipped: number }> {
  const people = generateSyntheticRegistrations(howMany, seed);
  const bySlug = new Map((await db.select().from(subdivisions)).map((s) => [s.slug, s.id]));
  return db.transaction(async (tx) => {
    await lockEditionQuota(tx, editionId);
    const known = new Set(
      (
        await tx.select({ email: members.email }).from(members).where(eq(members.synthetic, true))
      ).map((m) => m.email),
    );
    const newMembers = people
      .filter((p) => !known.has(p.email) && bySlug.has(p.subdivisionSlug))
      .map((p) => ({
        subdivisionId: bySlug.get(p.subdivisionSlug) as string,
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        yearOfTraining: p.yearOfTraining,
        membershipStatus: "active" as const,
        membershipYear: 2026,
        synthetic: true,
      }));
    await insertMembers(tx, newMembers);
    const outcome = { registered: 0, waitlisted: 0, skipped: 0 };
    for (const person of people) {
      const subdivisionId = bySlug.get(person.subdivisionSlug);
      if (!subdivisionId) continue;
      const facts = await lockRegistrationFacts(tx, editionId, person.email);
      const admission = registrationOutcome(facts);
      if (!admission.ok) {
        outcome.skipped += 1;
        continue;
      }
      const registration = await admitRegistration(
        tx,
        {
          editionId,
          firstName: person.firstName,
          lastName: person.lastName,
          email: person.email,
          subdivisionId,
          yearOfTraining: person.yearOfTraining,
          meals: person.meals,
          gala: person.gala,
        },
        { ...admission, memberId: facts.memberId },
        { createdBy: null, synthetic: true, registeredAt: person.registeredAt },
      );
      if (registration.status === "waitlisted") outcome.waitlisted += 1;
      else outcome.registered += 1;
    }
    return outcome;
  });
}

import type {
  NewSubdivision,
  Representative,
  Subdivision,
  SubdivisionOption,
  SubdivisionSummary,
  SubdivisionUpdate,
  SubdivisionUses,
} from "@tribune/domain/union";
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  caMeetings,
  members,
  motionVotes,
  registrations,
  registrationTallies,
  subdivisions,
  users,
} from "../schema";

export const listSubdivisionOptions = (db: Executor): Promise<SubdivisionOption[]> =>
  db
    .select({ id: subdivisions.id, slug: subdivisions.slug, name: subdivisions.name })
    .from(subdivisions)
    .orderBy(asc(subdivisions.name));

export const listSubdivisions = (db: Executor): Promise<Subdivision[]> =>
  db.select().from(subdivisions).orderBy(asc(subdivisions.name));

/** Every subdivision with its member records and representatives counted. */
export async function listSubdivisionSummaries(db: Executor): Promise<SubdivisionSummary[]> {
  const memberCounts = db
    .select({ subdivisionId: members.subdivisionId, n: count().as("member_n") })
    .from(members)
    .groupBy(members.subdivisionId)
    .as("member_counts");
  const representativeCounts = db
    .select({ subdivisionId: users.subdivisionId, n: count().as("representative_n") })
    .from(users)
    .where(and(eq(users.role, "representative"), eq(users.disabled, false)))
    .groupBy(users.subdivisionId)
    .as("representative_counts");
  const rows = await db
    .select({
      subdivision: subdivisions,
      members: sql<number>`coalesce(${memberCounts.n}, 0)::int`,
      representatives: sql<number>`coalesce(${representativeCounts.n}, 0)::int`,
    })
    .from(subdivisions)
    .leftJoin(memberCounts, eq(memberCounts.subdivisionId, subdivisions.id))
    .leftJoin(representativeCounts, eq(representativeCounts.subdivisionId, subdivisions.id))
    .orderBy(asc(subdivisions.name));
  return rows.map((r) => ({
    ...r.subdivision,
    members: Number(r.members),
    representatives: Number(r.representatives),
  }));
}

export async function findSubdivision(db: Executor, id: string): Promise<Subdivision | null> {
  const [row] = await db.select().from(subdivisions).where(eq(subdivisions.id, id));
  return row ?? null;
}

export const listRepresentatives = (
  db: Executor,
  subdivisionId: string,
): Promise<Representative[]> =>
  db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.role, "representative"),
        eq(users.subdivisionId, subdivisionId),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.email));

/** Members of the subdivision by year of training: [1st, 2nd, 3rd, 4th]. */
export async function countMembersByYear(db: Executor, subdivisionId: string): Promise<number[]> {
  const rows = await db
    .select({ year: members.yearOfTraining, n: count() })
    .from(members)
    .where(eq(members.subdivisionId, subdivisionId))
    .groupBy(members.yearOfTraining);
  const byYear = [0, 0, 0, 0];
  for (const row of rows) byYear[row.year - 1] = Number(row.n);
  return byYear;
}

export async function updateSubdivision(
  db: Executor,
  { id, ...patch }: SubdivisionUpdate,
): Promise<Subdivision> {
  const [row] = await db.update(subdivisions).set(patch).where(eq(subdivisions.id, id)).returning();
  return row as Subdivision;
}

export async function insertSubdivision(db: Executor, input: NewSubdivision): Promise<Subdivision> {
  const [row] = await db.insert(subdivisions).values(input).returning();
  return row as Subdivision;
}

/** What still points at a subdivision (see the domain's `decideSubdivisionDeletion`). */
export async function countSubdivisionUses(db: Executor, id: string): Promise<SubdivisionUses> {
  const countWhere = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);
  return {
    members: await countWhere(
      db.select({ n: count() }).from(members).where(eq(members.subdivisionId, id)),
    ),
    // A purged edition's registrations still count: its tallies name the subdivision.
    registrations:
      (await countWhere(
        db.select({ n: count() }).from(registrations).where(eq(registrations.subdivisionId, id)),
      )) +
      (await countWhere(
        db
          .select({ n: sql<number>`coalesce(sum(${registrationTallies.count}), 0)::int` })
          .from(registrationTallies)
          .where(eq(registrationTallies.subdivisionId, id)),
      )),
    // Disabled accounts too: the audit log names them with their subdivision.
    accounts: await countWhere(
      db.select({ n: count() }).from(users).where(eq(users.subdivisionId, id)),
    ),
    caMeetings: await countWhere(
      db.select({ n: count() }).from(caMeetings).where(eq(caMeetings.hostSubdivisionId, id)),
    ),
    motionVotes: await countWhere(
      db.select({ n: count() }).from(motionVotes).where(eq(motionVotes.subdivisionId, id)),
    ),
  };
}

export async function deleteSubdivision(db: Executor, id: string): Promise<void> {
  await db.delete(subdivisions).where(eq(subdivisions.id, id));
}

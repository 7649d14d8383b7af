import type {
  CaMeeting,
  CaMeetingUpdate,
  Motion,
  MotionUpdate,
  MotionVote,
  VoteChoice,
} from "@tribune/domain/dossiers";
import { asc, count, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { caMeetings, motions, motionVotes } from "../schema";

export const listCaMeetings = (db: Executor): Promise<CaMeeting[]> =>
  db
    .select()
    .from(caMeetings)
    .orderBy(sql`${caMeetings.date} desc nulls last`, asc(caMeetings.city));

export async function findCaMeeting(db: Executor, id: string): Promise<CaMeeting | null> {
  const [row] = await db.select().from(caMeetings).where(eq(caMeetings.id, id));
  return row ?? null;
}

export async function insertCaMeeting(
  db: Executor,
  input: Omit<CaMeeting, "id"> & { id?: string },
): Promise<CaMeeting> {
  const [row] = await db.insert(caMeetings).values(input).returning();
  return row as CaMeeting;
}

export async function updateCaMeeting(
  db: Executor,
  { id, ...patch }: CaMeetingUpdate,
): Promise<CaMeeting> {
  if (Object.keys(patch).length > 0)
    await db.update(caMeetings).set(patch).where(eq(caMeetings.id, id));
  return (await findCaMeeting(db, id)) as CaMeeting;
}

export async function deleteCaMeeting(db: Executor, id: string): Promise<void> {
  await db.delete(caMeetings).where(eq(caMeetings.id, id));
}

export async function countMotionsOf(db: Executor, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(motions)
    .where(eq(motions.meetingId, meetingId));
  return row?.n ?? 0;
}

const motionColumns = {
  id: motions.id,
  meetingId: motions.meetingId,
  dossierId: motions.dossierId,
  title: motions.title,
  text: motions.text,
  rule: motions.rule,
  synthetic: motions.synthetic,
};

/** Motions, the most recent meeting first (undated meetings last). */
export const listMotions = (db: Executor): Promise<Motion[]> =>
  db
    .select(motionColumns)
    .from(motions)
    .innerJoin(caMeetings, eq(caMeetings.id, motions.meetingId))
    .orderBy(sql`${caMeetings.date} desc nulls last`, desc(motions.createdAt), asc(motions.id));

export async function findMotion(db: Executor, id: string): Promise<Motion | null> {
  const [row] = await db.select(motionColumns).from(motions).where(eq(motions.id, id));
  return row ?? null;
}

export async function insertMotion(
  db: Executor,
  input: Omit<Motion, "id"> & { id?: string },
): Promise<Motion> {
  const [row] = await db.insert(motions).values(input).returning(motionColumns);
  return row as Motion;
}

export async function updateMotion(db: Executor, { id, ...patch }: MotionUpdate): Promise<Motion> {
  if (Object.keys(patch).length > 0) await db.update(motions).set(patch).where(eq(motions.id, id));
  return (await findMotion(db, id)) as Motion;
}

/** Deletes a motion and its votes. */
export async function deleteMotion(db: Executor, id: string): Promise<void> {
  await db.delete(motions).where(eq(motions.id, id));
}

export const listMotionVotes = (
  db: Executor,
  motionId?: string,
): Promise<(MotionVote & { motionId: string })[]> =>
  db
    .select({
      motionId: motionVotes.motionId,
      subdivisionId: motionVotes.subdivisionId,
      choice: motionVotes.choice,
    })
    .from(motionVotes)
    .where(motionId ? eq(motionVotes.motionId, motionId) : undefined)
    .orderBy(asc(motionVotes.recordedAt));

/** Records (or changes) the vote of one subdivision on one motion. */
export async function recordVote(
  db: Executor,
  vote: { motionId: string; subdivisionId: string; choice: VoteChoice; recordedBy: string | null },
): Promise<void> {
  await db
    .insert(motionVotes)
    .values(vote)
    .onConflictDoUpdate({
      target: [motionVotes.motionId, motionVotes.subdivisionId],
      set: { choice: vote.choice, recordedBy: vote.recordedBy, recordedAt: sql`now()` },
    });
}

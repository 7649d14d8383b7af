import type { Session } from "@tribune/domain/congress";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { sessionRooms, sessionSpeakers, sessions } from "../schema";

type SessionRow = typeof sessions.$inferSelect;
type NewSession = Omit<Session, "id"> & { id?: string };

/** Timestamps come back from PostgreSQL as "2026-01-22 07:00:00+00": normalise to ISO. */
const iso = (t: string) => new Date(t).toISOString();

async function attachLinks(db: Executor, rows: SessionRow[]): Promise<Session[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // Sequential: `db` may be a transaction, whose one connection runs one query at a time.
  const roomLinks = await db
    .select()
    .from(sessionRooms)
    .where(inArray(sessionRooms.sessionId, ids))
    .orderBy(asc(sessionRooms.position));
  const speakerLinks = await db
    .select()
    .from(sessionSpeakers)
    .where(inArray(sessionSpeakers.sessionId, ids))
    .orderBy(asc(sessionSpeakers.position));
  return rows.map(({ createdAt: _c, updatedAt: _u, guid: _g, revision: _r, ...row }) => ({
    ...row,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    roomIds: roomLinks.filter((l) => l.sessionId === row.id).map((l) => l.roomId),
    speakerIds: speakerLinks.filter((l) => l.sessionId === row.id).map((l) => l.speakerId),
  }));
}

export async function listSessions(
  db: Executor,
  editionId: string,
  { publishedOnly = false } = {},
): Promise<Session[]> {
  const where = publishedOnly
    ? and(eq(sessions.editionId, editionId), eq(sessions.published, true))
    : eq(sessions.editionId, editionId);
  const rows = await db
    .select()
    .from(sessions)
    .where(where)
    .orderBy(asc(sessions.startsAt), asc(sessions.title));
  return attachLinks(db, rows);
}

export async function findSession(db: Executor, id: string): Promise<Session | null> {
  const rows = await db.select().from(sessions).where(eq(sessions.id, id));
  const [session] = await attachLinks(db, rows);
  return session ?? null;
}

async function writeLinks(db: Executor, id: string, roomIds: string[], speakerIds: string[]) {
  await db.delete(sessionRooms).where(eq(sessionRooms.sessionId, id));
  await db.delete(sessionSpeakers).where(eq(sessionSpeakers.sessionId, id));
  if (roomIds.length > 0) {
    await db
      .insert(sessionRooms)
      .values(roomIds.map((roomId, position) => ({ sessionId: id, roomId, position })));
  }
  if (speakerIds.length > 0) {
    await db
      .insert(sessionSpeakers)
      .values(speakerIds.map((speakerId, position) => ({ sessionId: id, speakerId, position })));
  }
}

/** Call inside a transaction: the row and its links are written together. */
export async function insertSession(db: Executor, input: NewSession): Promise<Session> {
  const { roomIds, speakerIds, ...fields } = input;
  const [row] = await db.insert(sessions).values(fields).returning();
  const id = (row as SessionRow).id;
  await writeLinks(db, id, roomIds, speakerIds);
  return (await findSession(db, id)) as Session;
}

/** Replaces the stored session with `next` (already merged and validated). */
export async function replaceSession(db: Executor, next: Session): Promise<Session> {
  const { id, roomIds, speakerIds, editionId: _e, ...fields } = next;
  await db
    .update(sessions)
    .set({
      ...fields,
      updatedAt: new Date().toISOString(),
      revision: sql`${sessions.revision} + 1`,
    })
    .where(eq(sessions.id, id));
  await writeLinks(db, id, roomIds, speakerIds);
  return (await findSession(db, id)) as Session;
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

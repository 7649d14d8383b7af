import { and, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { sessions } from "../schema";

/** What the open formats need beyond a session: its stable guid and how often it changed. */
export interface SessionStamp {
  id: string;
  guid: string;
  /** Grows by one at each change of the session (iCalendar SEQUENCE). */
  revision: number;
  /** ISO instant of its last change (iCalendar LAST-MODIFIED). */
  updatedAt: string;
}

export async function listSessionStamps(db: Executor, editionId: string): Promise<SessionStamp[]> {
  const rows = await db
    .select({
      id: sessions.id,
      guid: sessions.guid,
      revision: sessions.revision,
      updatedAt: sessions.updatedAt,
    })
    .from(sessions)
    .where(eq(sessions.editionId, editionId));
  return rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() }));
}

/** Gives a session the guid it had in an imported file, so a re-import finds it again. */
export async function setSessionGuid(db: Executor, id: string, guid: string): Promise<void> {
  await db.update(sessions).set({ guid }).where(eq(sessions.id, id));
}

/** The session of the edition known by this guid, if any. */
export async function findSessionIdByGuid(
  db: Executor,
  editionId: string,
  guid: string,
): Promise<string | null> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.editionId, editionId), eq(sessions.guid, guid)));
  return rows[0]?.id ?? null;
}

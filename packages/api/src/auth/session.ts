import { type Database, findLiveAuthSession, touchAuthSession } from "@tribune/db";
import type { Actor } from "../context";
import { hashSessionToken, SESSION_IDLE_SECONDS } from "./tokens";

const TOUCH_INTERVAL_MS = 60_000;

/** The person behind a session cookie, or null; each use extends the idle lifetime. */
export async function resolveActor(db: Database, token: string | null): Promise<Actor | null> {
  if (!token) return null;
  const idleSince = new Date(Date.now() - SESSION_IDLE_SECONDS * 1000).toISOString();
  const found = await findLiveAuthSession(db, hashSessionToken(token), idleSince);
  if (!found) return null;
  // The idle lifetime counts in hours: one write a minute is precise enough, and saves a write
  // on every request (a check-in desk sends many).
  if (Date.now() - Date.parse(found.session.lastSeenAt) > TOUCH_INTERVAL_MS) {
    await touchAuthSession(db, found.session.id);
  }
  const { id, email, displayName, role, subdivisionId } = found.user;
  return { id, email, displayName, role, subdivisionId, authSessionId: found.session.id };
}

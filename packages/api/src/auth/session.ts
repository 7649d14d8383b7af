import type { BusEvent, Database, EventBus } from "@tribune/db";
import { findLiveAuthSession, touchAuthSession } from "@tribune/db/repos/auth-sessions";
import type { Actor } from "../context";
import { eventsOf } from "../live";
import { hashSessionToken, SESSION_IDLE_SECONDS } from "./tokens";

/** The idle lifetime counts in hours: one write a minute is precise enough. */
export const TOUCH_INTERVAL_MS = 60_000;
/** How long a resolved actor is reused without asking the database again. */
export const ACTOR_CACHE_MS = 5_000;
/** A bound on what the cache holds: past it, it starts afresh (a flood of sessions). */
const ACTOR_CACHE_SIZE = 10_000;

interface Kept {
  actor: Actor;
  until: number;
}

/**
 * The actors of live sessions, by token digest, for a few seconds: a signed-in page that
 * fires a dozen queries resolves its session once. An entry is dropped at once when the
 * bus says the user's sessions ended (logout, token rotation, account disabled — from any
 * instance) and everything on `bus.resync`; entries are kept only once the cache is sure
 * to hear those.
 */
class ActorCache {
  readonly entries = new Map<string, Kept>();
  listening = false;

  constructor(bus: EventBus) {
    bus
      .subscribe((event) => this.hear(event))
      .then(() => {
        this.listening = true;
      })
      .catch(() => {});
  }

  hear(event: BusEvent) {
    if (event.type === "bus.resync") this.entries.clear();
    else if (event.type === "sessions.ended") this.forgetUser(event.userId);
  }

  forgetUser(userId: string) {
    for (const [key, kept] of this.entries) if (kept.actor.id === userId) this.entries.delete(key);
  }

  get(key: string, now: number): Actor | null {
    const kept = this.entries.get(key);
    if (!kept) return null;
    if (kept.until > now) return kept.actor;
    this.entries.delete(key);
    return null;
  }

  set(key: string, actor: Actor, now: number) {
    if (!this.listening) return;
    if (this.entries.size >= ACTOR_CACHE_SIZE) this.entries.clear();
    this.entries.set(key, { actor, until: now + ACTOR_CACHE_MS });
  }
}

const caches = new WeakMap<EventBus, ActorCache>();
const cacheOf = (bus: EventBus): ActorCache => {
  let cache = caches.get(bus);
  if (!cache) {
    cache = new ActorCache(bus);
    caches.set(bus, cache);
  }
  return cache;
};

/**
 * The person behind a session cookie, or null; use extends the idle lifetime (written at most
 * once a minute). Given the server's event bus, the actor is reused for a few seconds
 * (ActorCache); without one (tests, scripts), every call asks the database.
 */
export async function resolveActor(
  db: Database,
  token: string | null,
  events?: EventBus,
): Promise<Actor | null> {
  if (!token) return null;
  const key = hashSessionToken(token);
  const cache = events ? cacheOf(events) : null;
  const now = Date.now();
  const kept = cache?.get(key, now);
  if (kept) return kept;
  const idleSince = new Date(now - SESSION_IDLE_SECONDS * 1000).toISOString();
  const found = await findLiveAuthSession(db, key, idleSince);
  if (!found) return null;
  // A check-in desk sends many requests: one write a minute, not one per request.
  if (now - Date.parse(found.session.lastSeenAt) > TOUCH_INTERVAL_MS) {
    await touchAuthSession(db, found.session.id);
  }
  const { id, email, displayName, role, subdivisionId } = found.user;
  const actor = { id, email, displayName, role, subdivisionId, authSessionId: found.session.id };
  cache?.set(key, actor, now);
  return actor;
}

/**
 * Tells every instance that the login sessions of `userId` ended, once the change committed:
 * this instance forgets its kept actors at once, the others when the event reaches them.
 * Awaited, so that a command that closes the database next has sent it.
 */
export async function sessionsEnded(
  ctx: { db: Database; events?: EventBus | undefined },
  userId: string,
): Promise<void> {
  const bus = eventsOf(ctx);
  caches.get(bus)?.forgetUser(userId);
  try {
    await bus.publish({ type: "sessions.ended", userId });
  } catch (error) {
    console.error("Publication de la fin de session impossible :", error);
  }
}

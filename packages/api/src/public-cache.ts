import type { BusEvent, EventBus } from "@tribune/db";

/**
 * What anyone may read of an edition (its published programme, the public documents built
 * from it), kept in memory so that a burst of readers — a thousand interns opening the
 * programme at once — costs one build, not a thousand.
 *
 * The one rule of freshness, here and nowhere else: an entry belongs to an edition and is
 * dropped as soon as that edition's programme changes (`programme.changed`, which every change
 * to its sessions, rooms, partners or the edition itself publishes — heard from the bus, so
 * from every instance on PostgreSQL, and at once on the instance that made the change); a
 * `bus.resync` (events may have been missed) drops everything. What no event announces (a
 * speaker's or a partner's name edited in the shared catalogues, the clock moving the
 * edition's state) is caught up within `maxAgeMs`: an older entry is still served once while
 * it is rebuilt behind.
 */
export interface PublicCache {
  /**
   * The value under `key`, built by `load` once (concurrent readers share the build) and kept
   * until the edition `load` names changes. A failed build is not kept.
   */
  get<T>(key: string, load: () => Promise<EditionScoped<T>>): Promise<T>;
  /** Drops every entry of the edition (or all with null): the programme changed. */
  drop(editionId: string | null): void;
  /** Called after entries were dropped (with the edition, or null for all). */
  onDrop(listener: (editionId: string | null) => void): () => void;
  /** Stops listening to the bus. */
  close(): Promise<void>;
}

/** A built value and the edition it was built from (EVERY_EDITION: from all of them). */
export interface EditionScoped<T> {
  editionId: string;
  value: T;
}

/**
 * The scope of a value built from every edition (the list of editions, the current one): any
 * edition's change drops it, a new edition's creation included.
 */
export const EVERY_EDITION = "*";

/** Which entries an event makes stale: an edition's, all (`null`), or none (`undefined`). */
export function staleAfter(event: BusEvent): string | null | undefined {
  if (event.type === "programme.changed") return event.editionId;
  if (event.type === "bus.resync") return null;
  return undefined;
}

interface Entry {
  editionId: string | null;
  builtAt: number;
  pending: Promise<unknown>;
  value?: { v: unknown };
  refreshing?: boolean;
}

export interface PublicCacheOptions {
  /** After this, an entry is rebuilt (served once more meanwhile). */
  maxAgeMs?: number;
  now?: () => number;
}

export const PUBLIC_CACHE_MAX_AGE_MS = 60_000;

/** A cache fed by nothing but explicit drops (the service layer's own, and tests). */
export function createPublicCache({
  maxAgeMs = PUBLIC_CACHE_MAX_AGE_MS,
  now = Date.now,
}: PublicCacheOptions = {}): PublicCache & { listen(bus: EventBus): Promise<void> } {
  const entries = new Map<string, Entry>();
  const listeners = new Set<(editionId: string | null) => void>();
  const unsubscribes: (() => void)[] = [];

  function build<T>(key: string, load: () => Promise<EditionScoped<T>>, previous?: Entry): Entry {
    const entry: Entry = {
      editionId: previous?.editionId ?? null,
      builtAt: now(),
      pending: Promise.resolve(),
    };
    entry.pending = load().then(
      ({ editionId, value }) => {
        entry.editionId = editionId;
        entry.value = { v: value };
        // Dropped while building: answer this reader, keep nothing stale.
        if (entries.get(key) === entry || entries.get(key) === previous) entries.set(key, entry);
        return value;
      },
      (error: unknown) => {
        if (entries.get(key) === entry) entries.delete(key);
        if (previous && entries.get(key) === previous) previous.refreshing = false;
        throw error;
      },
    );
    return entry;
  }

  const cache = {
    async get<T>(key: string, load: () => Promise<EditionScoped<T>>): Promise<T> {
      const found = entries.get(key);
      if (!found) {
        const entry = build(key, load);
        entries.set(key, entry);
        return entry.pending as Promise<T>;
      }
      if (found.value && !found.refreshing && now() - found.builtAt > maxAgeMs) {
        found.refreshing = true;
        build(key, load, found).pending.catch(() => {});
      }
      return found.value ? (found.value.v as T) : (found.pending as Promise<T>);
    },
    drop(editionId: string | null) {
      // An entry still building does not know its edition yet: drop it too, to be safe.
      for (const [key, entry] of entries)
        if (
          editionId === null ||
          entry.editionId === editionId ||
          entry.editionId === null ||
          entry.editionId === EVERY_EDITION
        )
          entries.delete(key);
      for (const listener of listeners) listener(editionId);
    },
    onDrop(listener: (editionId: string | null) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async listen(bus: EventBus) {
      unsubscribes.push(
        await bus.subscribe((event) => {
          const stale = staleAfter(event);
          if (stale !== undefined) cache.drop(stale);
        }),
      );
    },
    async close() {
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
      entries.clear();
    },
  };
  return cache;
}

/**
 * The public cache of a server: one per process and database, fed by its event bus (every
 * instance's changes on PostgreSQL). Resolves once it is sure to hear every later change.
 */
export async function listeningPublicCache(
  bus: EventBus,
  options?: PublicCacheOptions,
): Promise<PublicCache> {
  const cache = createPublicCache(options);
  await cache.listen(bus);
  return cache;
}

import { type Database, type EventBus, inProcessEventBus, type TribuneEvent } from "@tribune/db";
import type { Context } from "./context";

const fallbackBuses = new WeakMap<Database, EventBus>();

/** The context's event bus, or one in-process bus per database when the caller gave none. */
export function eventsOf(ctx: Pick<Context, "db" | "events">): EventBus {
  if (ctx.events) return ctx.events;
  let bus = fallbackBuses.get(ctx.db);
  if (!bus) {
    bus = inProcessEventBus();
    fallbackBuses.set(ctx.db, bus);
  }
  return bus;
}

/** Changes within this window go out as one event: a burst of check-ins, one NOTIFY. */
const COALESCE_MS = 50;
const pending = new WeakMap<EventBus, Map<string, Set<string>>>();

/**
 * Tells live views that registrations changed. Called after the change committed; a failure
 * to notify must not undo or fail the change itself, so it is logged, not thrown. Changes to
 * one edition within a few milliseconds are coalesced into one event (subscribers recompute
 * the counts anyway), so a busy desk does not send a notification per check-in.
 */
export function publishRegistrationChange(
  ctx: Pick<Context, "db" | "events">,
  editionId: string,
  subdivisionIds: Iterable<string>,
): void {
  const bus = eventsOf(ctx);
  let editions = pending.get(bus);
  if (!editions) {
    editions = new Map();
    pending.set(bus, editions);
  }
  const waiting = editions.get(editionId);
  if (waiting) {
    for (const id of subdivisionIds) waiting.add(id);
    return;
  }
  const batch = new Set(subdivisionIds);
  editions.set(editionId, batch);
  setTimeout(() => {
    editions.delete(editionId);
    const event: TribuneEvent = {
      type: "registrations.changed",
      editionId,
      subdivisionIds: [...batch],
    };
    bus.publish(event).catch((error: unknown) => {
      console.error("Publication d'un événement en direct impossible :", error);
    });
  }, COALESCE_MS);
}

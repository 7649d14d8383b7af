import {
  type Database,
  type EventBus,
  inProcessEventBus,
  isDatabaseUnavailable,
  type TribuneEvent,
} from "@tribune/db";
import { isAuthSessionLive } from "@tribune/db/repos/auth-sessions";
import { TRPCError } from "@trpc/server";
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

const SESSION_ENDED = "Votre session a pris fin : reconnectez-vous.";

/** Changes within this window go out as one event: a burst of check-ins, one NOTIFY. */
const COALESCE_MS = 50;
/** Per bus, the events waiting to go out, by type and subject (edition or survey). */
const pending = new WeakMap<EventBus, Map<string, TribuneEvent>>();

/** What an event is about: the edition, or the survey whose responses changed. */
function subjectOf(event: TribuneEvent): string {
  if (event.type === "sessions.ended") return event.userId;
  if (event.type === "surveys.changed" || event.type === "survey_invitations.changed")
    return event.surveyId;
  return event.editionId;
}

/**
 * Publishes `event` a few milliseconds from now, merged with the same kind of event for the
 * same subject published meanwhile (`merge`), so that a busy desk does not send a
 * notification per check-in. Called after the change committed; a failure to notify must not
 * undo or fail the change itself, so it is logged, not thrown.
 */
function publishSoon<E extends TribuneEvent>(
  ctx: Pick<Context, "db" | "events">,
  event: E,
  merge: (waiting: E, next: E) => void = () => {},
): void {
  const bus = eventsOf(ctx);
  let waitingByKey = pending.get(bus);
  if (!waitingByKey) {
    waitingByKey = new Map();
    pending.set(bus, waitingByKey);
  }
  const key = `${event.type} ${subjectOf(event)}`;
  const waiting = waitingByKey.get(key) as E | undefined;
  if (waiting) {
    merge(waiting, event);
    return;
  }
  waitingByKey.set(key, event);
  setTimeout(() => {
    waitingByKey.delete(key);
    bus.publish(event).catch((error: unknown) => {
      console.error("Publication d'un événement en direct impossible :", error);
    });
  }, COALESCE_MS);
}

/** Tells live views that registrations of these subdivisions changed (subscribers recount). */
export function publishRegistrationChange(
  ctx: Pick<Context, "db" | "events">,
  editionId: string,
  subdivisionIds: Iterable<string>,
): void {
  publishSoon(
    ctx,
    { type: "registrations.changed", editionId, subdivisionIds: [...new Set(subdivisionIds)] },
    (waiting, next) => {
      waiting.subdivisionIds = [...new Set([...waiting.subdivisionIds, ...next.subdivisionIds])];
    },
  );
}

/** Tells live views that the programme of an edition changed (subscribers reload it). */
export function publishProgrammeChange(
  ctx: Pick<Context, "db" | "events">,
  editionId: string,
): void {
  publishSoon(ctx, { type: "programme.changed", editionId });
}

/** Tells live views that responses of a survey were stored (subscribers reload its collection). */
export function publishSurveyChange(ctx: Pick<Context, "db" | "events">, surveyId: string): void {
  publishSoon(ctx, { type: "surveys.changed", surveyId });
}

/** Waits between two tries of a live stream's query while the database is unavailable. */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 2000;

/**
 * Runs `load`, and again with growing waits for as long as it fails because the database is
 * momentarily unavailable (a dropped connection, a restart): a live stream waits the outage
 * out rather than ending on it. Any other error, or `signal` aborting, ends the wait with the
 * error.
 */
export async function whileUnavailable<T>(
  load: () => Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T> {
  for (let wait = RETRY_FIRST_MS; ; wait = Math.min(wait * 2, RETRY_MAX_MS)) {
    try {
      return await load();
    } catch (error) {
      if (signal?.aborted || !isDatabaseUnavailable(error)) throw error;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, wait);
        function done() {
          clearTimeout(timer);
          signal?.removeEventListener("abort", done);
          resolve();
        }
        signal?.addEventListener("abort", done, { once: true });
      });
      if (signal?.aborted) throw error;
    }
  }
}

/**
 * Yields "subscribed" once listening (so a client that reconnects knows it may have missed
 * something), then "changed" after each burst of `type` events about `subject` (an edition,
 * or a survey for "surveys.changed"), at most once per `settleMs`, until `signal` aborts. Also
 * "changed" when the bus may have missed events (its connection to PostgreSQL was lost and is
 * back), so that every stream sends a fresh snapshot after an outage.
 */
export async function* subjectChanges(
  ctx: Pick<Context, "db" | "events" | "actor">,
  type: TribuneEvent["type"],
  subject: string,
  signal: AbortSignal | undefined,
  settleMs = 100,
): AsyncGenerator<"subscribed" | "changed"> {
  let dirty = false;
  let wake: (() => void) | null = null;
  const unsubscribe = await eventsOf(ctx).subscribe((event) => {
    // After a resync the bus may have missed changes of any subject: reload to be sure.
    if (event.type !== "bus.resync" && (event.type !== type || subjectOf(event) !== subject))
      return;
    dirty = true;
    wake?.();
  });
  const aborted = new Promise<void>((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener("abort", () => resolve(), { once: true });
  });
  try {
    yield "subscribed";
    while (!signal?.aborted) {
      if (!dirty)
        await Promise.race([
          new Promise<void>((resolve) => {
            wake = resolve;
          }),
          aborted,
        ]);
      wake = null;
      if (signal?.aborted) break;
      await Promise.race([new Promise((r) => setTimeout(r, settleMs)), aborted]);
      if (signal?.aborted) break;
      dirty = false;
      // The role was checked when the stream opened; a logout or a disabled account since then
      // must end it, not keep it streaming.
      const actor = ctx.actor;
      if (
        actor &&
        !(await whileUnavailable(() => isAuthSessionLive(ctx.db, actor.authSessionId), signal))
      )
        throw new TRPCError({ code: "UNAUTHORIZED", message: SESSION_ENDED });
      yield "changed";
    }
  } finally {
    unsubscribe();
  }
}

/** `subjectChanges` for an edition's registrations or programme. */
export function editionChanges(
  ctx: Pick<Context, "db" | "events" | "actor">,
  type: Exclude<
    TribuneEvent["type"],
    "surveys.changed" | "survey_invitations.changed" | "sessions.ended"
  >,
  editionId: string,
  signal: AbortSignal | undefined,
  settleMs?: number,
): AsyncGenerator<"subscribed" | "changed"> {
  return subjectChanges(ctx, type, editionId, signal, settleMs);
}

import { EventEmitter } from "node:events";
import pg from "pg";
import { isDatabaseUnavailable } from "./unavailable";

/** Something changed that live views show; small, so it fits a NOTIFY payload (8 kB). */
export type TribuneEvent =
  | RegistrationsChangedEvent
  | ProgrammeChangedEvent
  | SurveysChangedEvent
  | SurveyInvitationsChangedEvent
  | SessionsEndedEvent;

export interface RegistrationsChangedEvent {
  type: "registrations.changed";
  editionId: string;
  /** Subdivisions whose counts moved. */
  subdivisionIds: string[];
}

/** A session of the edition was created, changed, moved, published or deleted. */
export interface ProgrammeChangedEvent {
  type: "programme.changed";
  editionId: string;
}

/** Responses of a survey were stored (an answer from the public form, or an import). */
export interface SurveysChangedEvent {
  type: "surveys.changed";
  surveyId: string;
}

/** A survey's invitation campaign moved: a batch was sent, it started, paused or ended. */
export interface SurveyInvitationsChangedEvent {
  type: "survey_invitations.changed";
  surveyId: string;
}

/**
 * Login sessions of a user ended (a logout, a login that rotated the token, the account
 * disabled): every instance forgets the actor it may have kept for them.
 */
export interface SessionsEndedEvent {
  type: "sessions.ended";
  userId: string;
}

/**
 * Not a change: the bus tells its listeners that it may have missed events (its LISTEN
 * connection was lost, and is back). Whoever shows a snapshot reloads it.
 */
export interface BusResyncEvent {
  type: "bus.resync";
}

/** What listeners hear: the published events, and the bus's own resyncs. */
export type BusEvent = TribuneEvent | BusResyncEvent;

export type EventListener = (event: BusEvent) => void;

/**
 * Live updates between the database and whoever watches (tRPC subscriptions). In one process
 * (PGlite) an in-memory emitter; on PostgreSQL, LISTEN/NOTIFY, so that every server instance
 * on the database hears what any of them published.
 */
export interface EventBus {
  publish(event: TribuneEvent): Promise<void>;
  /**
   * Resolves once the listener is sure to hear what is published from then on. If the bus
   * loses events later (a dropped connection), the listener hears `bus.resync` once it is sure
   * again.
   */
  subscribe(listener: EventListener): Promise<() => void>;
  close(): Promise<void>;
}

export const EVENT_CHANNEL = "tribune_events";
/** The LISTEN connection's application_name (unless DATABASE_URL names one), seen in pg_stat_activity. */
export const LISTENER_NAME = "tribune-events";

export function inProcessEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(event) {
      emitter.emit("event", event);
    },
    async subscribe(listener) {
      emitter.on("event", listener);
      return () => emitter.off("event", listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

const RESYNC: BusResyncEvent = { type: "bus.resync" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PostgresEventBusOptions {
  log?: (message: string) => void;
  /** Wait before the first attempt to listen again after losing the connection; doubled after each failure. */
  firstRetryMs?: number;
  /** Longest wait between two attempts. */
  maxRetryMs?: number;
}

/** A NOTIFY that failed for want of a connection is sent again this many times, with back-off. */
const PUBLISH_ATTEMPTS = 5;

/**
 * LISTEN on one dedicated connection, opened with the first subscriber. If the server drops
 * it while anyone listens, it is opened again — after `firstRetryMs`, then with doubling waits
 * up to `maxRetryMs`, until it works — and the listeners then hear `bus.resync`: whatever was
 * notified in between is lost to them. NOTIFY goes through the pool. An instance hears its own
 * notifications too, so local and remote subscribers see the same stream.
 */
export function postgresEventBus(
  url: string,
  pool: pg.Pool,
  {
    log = (message) => console.error(message),
    firstRetryMs = 200,
    maxRetryMs = 5000,
  }: PostgresEventBusOptions = {},
): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  /** The LISTEN connection, connected or connecting; null when there is none. */
  let listening: Promise<pg.Client> | null = null;
  /** Listeners may have missed notifications since the last LISTEN connection was lost. */
  let missed = false;
  let retry: NodeJS.Timeout | null = null;
  let retryMs = firstRetryMs;
  let closed = false;

  const listeners = () => emitter.listenerCount("event");

  /** Tries again later, while anyone listens. */
  const scheduleRetry = () => {
    if (closed || retry || listening || listeners() === 0) return;
    const wait = retryMs;
    retryMs = Math.min(retryMs * 2, maxRetryMs);
    retry = setTimeout(() => {
      retry = null;
      if (!closed && !listening && listeners() > 0) listen().catch(() => {});
    }, wait);
    retry.unref();
  };

  const listen = (): Promise<pg.Client> => {
    // Keep-alive: a connection that vanishes without a word (a network cut) is noticed too.
    const client = new pg.Client({
      connectionString: url,
      keepAlive: true,
      application_name: LISTENER_NAME,
    });
    const ready = (async () => {
      await client.connect();
      await client.query(`listen ${EVENT_CHANNEL}`);
      return client;
    })();
    listening = ready;
    client.on("notification", (message) => {
      if (message.channel !== EVENT_CHANNEL || !message.payload) return;
      try {
        emitter.emit("event", JSON.parse(message.payload) as TribuneEvent);
      } catch {
        log(`Notification illisible sur ${EVENT_CHANNEL}.`);
      }
    });
    let connected = false;
    /** The connection broke, while connecting or after: drop it, and listen again later. */
    const lost = (error?: Error) => {
      if (closed || listening !== ready) return;
      listening = null;
      if (listeners() > 0) missed = true;
      const why = error ? ` (${error.message})` : "";
      log(`PostgreSQL : écoute des événements ${connected ? "perdue" : "impossible"}${why}.`);
      client.end().catch(() => {});
      scheduleRetry();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    ready.then(
      () => {
        if (listening !== ready) return;
        connected = true;
        retryMs = firstRetryMs;
        if (missed) {
          missed = false;
          log("PostgreSQL : écoute des événements rétablie.");
          emitter.emit("event", RESYNC);
        }
      },
      (error: Error) => lost(error),
    );
    return ready;
  };

  return {
    async publish(event) {
      const payload = JSON.stringify(event);
      for (let attempt = 1; ; attempt++) {
        try {
          await pool.query("select pg_notify($1, $2)", [EVENT_CHANNEL, payload]);
          return;
        } catch (error) {
          // A notification sent twice only makes subscribers reload twice; one lost leaves
          // their views stale.
          if (closed || attempt >= PUBLISH_ATTEMPTS || !isDatabaseUnavailable(error)) throw error;
          await sleep(firstRetryMs * 2 ** (attempt - 1));
        }
      }
    },
    async subscribe(listener) {
      emitter.on("event", listener);
      try {
        await (listening ?? listen());
      } catch (error) {
        emitter.off("event", listener);
        throw error;
      }
      return () => emitter.off("event", listener);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      emitter.removeAllListeners();
      const client = await listening?.catch(() => null);
      listening = null;
      await client?.end().catch(() => {});
    },
  };
}

import { EventEmitter } from "node:events";
import pg from "pg";

/** Something changed that live views show; small, so it fits a NOTIFY payload (8 kB). */
export type TribuneEvent = RegistrationsChangedEvent | ProgrammeChangedEvent | SurveysChangedEvent;

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

export type EventListener = (event: TribuneEvent) => void;

/**
 * Live updates between the database and whoever watches (tRPC subscriptions). In one process
 * (PGlite) an in-memory emitter; on PostgreSQL, LISTEN/NOTIFY, so that every server instance
 * on the database hears what any of them published.
 */
export interface EventBus {
  publish(event: TribuneEvent): Promise<void>;
  /** Resolves once the listener is sure to hear what is published from then on. */
  subscribe(listener: EventListener): Promise<() => void>;
  close(): Promise<void>;
}

export const EVENT_CHANNEL = "tribune_events";

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

/**
 * LISTEN on one dedicated connection, opened with the first subscriber and reopened if the
 * server drops it; NOTIFY through the pool. An instance hears its own notifications too, so
 * local and remote subscribers see the same stream.
 */
export function postgresEventBus(
  url: string,
  pool: pg.Pool,
  log: (message: string) => void = (message) => console.error(message),
): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let listening: Promise<pg.Client> | null = null;
  let closed = false;

  const connect = (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: url });
    const ready = (async () => {
      await client.connect();
      await client.query(`listen ${EVENT_CHANNEL}`);
      return client;
    })();
    client.on("notification", (message) => {
      if (message.channel !== EVENT_CHANNEL || !message.payload) return;
      try {
        emitter.emit("event", JSON.parse(message.payload) as TribuneEvent);
      } catch {
        log(`Notification illisible sur ${EVENT_CHANNEL}.`);
      }
    });
    const lost = (error?: Error) => {
      if (closed || listening !== ready) return;
      listening = null;
      log(`PostgreSQL : écoute des événements perdue${error ? ` (${error.message})` : ""}.`);
      client.end().catch(() => {});
      if (emitter.listenerCount("event") > 0) {
        setTimeout(() => {
          if (!closed && !listening) listening = connect();
        }, 1000).unref();
      }
    };
    client.on("error", lost);
    client.on("end", () => lost());
    ready.catch(() => {
      if (listening === ready) listening = null;
    });
    return ready;
  };

  return {
    async publish(event) {
      await pool.query("select pg_notify($1, $2)", [EVENT_CHANNEL, JSON.stringify(event)]);
    },
    async subscribe(listener) {
      emitter.on("event", listener);
      try {
        if (!listening) listening = connect();
        await listening;
      } catch (error) {
        emitter.off("event", listener);
        throw error;
      }
      return () => emitter.off("event", listener);
    },
    async close() {
      closed = true;
      emitter.removeAllListeners();
      const client = await listening?.catch(() => null);
      listening = null;
      await client?.end().catch(() => {});
    },
  };
}

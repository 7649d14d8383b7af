import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type EventBus, inProcessEventBus, postgresEventBus } from "./events";
import { acquireDataDirLock } from "./lock";
import { pgliteOptions } from "./pglite-durable";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database handle or an open transaction: repositories accept either. */
export type Executor = Parameters<Parameters<Database["transaction"]>[0]>[0] | Database;

export interface OpenDatabase {
  db: Database;
  kind: "pglite" | "postgres";
  /** For LISTEN/NOTIFY and diagnostics; null on PGlite. */
  pool: pg.Pool | null;
  /** Live updates: in-process on PGlite, LISTEN/NOTIFY shared by every instance on PostgreSQL. */
  events: EventBus;
  /** Runs `select 1`: resolves once the database answers, rejects if it cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));
/** Several server instances may start at once: only one migrates at a time. */
const MIGRATION_LOCK = 726_101;

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

/** Opens and migrates the database: PostgreSQL when a URL is given, else embedded PGlite. */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if ("url" in target) return openPostgres(target.url);
  return openPglite("dataDir" in target ? target.dataDir : null);
}

async function openPostgres(url: string): Promise<OpenDatabase> {
  const migrator = new pg.Client({ connectionString: url });
  // A connection lost mid-migration fails the query that was running (and so the start); the
  // 'error' event the client emits as well must not also end the process as uncaught.
  migrator.on("error", () => {});
  await migrator.connect();
  try {
    await migrator.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrateNodePg(drizzleNodePg({ client: migrator }), { migrationsFolder });
  } finally {
    await migrator.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  // An idle connection the server drops (restart, failover, idle timeout) is emitted here; with
  // no listener it would be an uncaught exception ending the process. The pool replaces it.
  pool.on("error", (error) =>
    console.error(`PostgreSQL : connexion inactive perdue (${error.message}).`),
  );
  // A connection lost while checked out (a transaction's: drizzle attaches no listener) emits
  // 'error' on the client, with nobody listening: an uncaught exception, the end of every
  // request of the process. The query in flight fails with that error anyway (the request
  // answers 503), and the pool discards the broken client when it is released.
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Database;
  const events = postgresEventBus(url, pool);
  return {
    db,
    kind: "postgres",
    pool,
    events,
    ping: async () => {
      await pool.query("select 1");
    },
    close: async () => {
      await events.close();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | null): Promise<OpenDatabase> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = acquireDataDirLock(dataDir);
  }
  try {
    const client = dataDir ? new PGlite(pgliteOptions(dataDir)) : new PGlite();
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder });
    const events = inProcessEventBus();
    return {
      db: db as unknown as Database,
      kind: "pglite",
      pool: null,
      events,
      ping: async () => {
        await client.query("select 1");
      },
      close: async () => {
        await events.close();
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

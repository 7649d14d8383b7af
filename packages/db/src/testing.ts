import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import pg from "pg";
import { type Database, type OpenDatabase, openDatabase } from "./client";
import { setEditionCapacity } from "./repos/registrations";
import {
  authSessions,
  editions,
  motionVotes,
  registrations,
  sessionSignups,
  surveyResponses,
  surveyTokens,
} from "./schema";

export type Backend = "pglite" | "postgres";

/**
 * The backends a suite runs on: always PGlite, and PostgreSQL too when TEST_DATABASE_URL is
 * set (CI sets it). Use with `describe.each(testBackends())`.
 */
export function testBackends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh, migrated database: an in-memory PGlite, or a new PostgreSQL database created on
 * the TEST_DATABASE_URL server and dropped again by `close()`.
 */
export async function openTestDatabase(
  backend: Backend,
): Promise<OpenDatabase & { url: string | null }> {
  if (backend === "pglite") return { ...(await openDatabase({ memory: true })), url: null };
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `tribune_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ url: url.toString() });
  return {
    ...opened,
    url: url.toString(),
    close: async () => {
      await opened.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Makes a user's login sessions look last used `seconds` ago (idle-lifetime tests). */
export async function ageAuthSessions(
  db: Database,
  userId: string,
  seconds: number,
): Promise<void> {
  const lastSeenAt = new Date(Date.now() - seconds * 1000).toISOString();
  await db.update(authSessions).set({ lastSeenAt }).where(eq(authSessions.userId, userId));
}

/** When a user's most recently used login session was last seen. */
export async function lastSeenOf(db: Database, userId: string): Promise<string | undefined> {
  const rows = await db.select().from(authSessions).where(eq(authSessions.userId, userId));
  return rows
    .map((r) => r.lastSeenAt)
    .sort()
    .at(-1);
}

let editionCount = 0;
/** A fresh edition of its own (quota, registrations, rooms) for one test, capped at `capacity`. */
export async function newTestEdition(
  db: Database,
  capacity: number | null = null,
): Promise<string> {
  editionCount += 1;
  const [edition] = await db
    .insert(editions)
    .values({
      number: 100 + editionCount,
      year: 2100 - editionCount,
      theme: "Essai",
      city: "Dijon",
      venue: "Palais des congrès",
      firstDay: "2027-01-21",
      lastDay: "2027-01-22",
      // Open to self-registration, as editions were before they had a window.
      registrationOpensOn: "2020-01-01",
    })
    .returning({ id: editions.id });
  const id = (edition as { id: string }).id;
  await db.transaction((tx) => setEditionCapacity(tx, id, capacity));
  return id;
}

/**
 * How many rows the tables of what people did hold (registrations and check-ins, sign-ups,
 * survey responses and tokens, votes): what copying an edition must never add to.
 */
export async function activityCounts(db: Database): Promise<Record<string, number>> {
  const tables = {
    registrations: registrations,
    sessionSignups: sessionSignups,
    surveyResponses: surveyResponses,
    surveyTokens: surveyTokens,
    motionVotes: motionVotes,
  };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

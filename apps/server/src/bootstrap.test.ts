import { createAccount, SESSION_IDLE_SECONDS, SYSTEM } from "@tribune/api";
import { type OpenDatabase, openDatabase } from "@tribune/db";
import { listDossiers } from "@tribune/db/repos/dossiers";
import { listEditions } from "@tribune/db/repos/editions";
import { IDEMPOTENCY_KEY_LIFETIME_SECONDS } from "@tribune/db/repos/idempotency";
import { personalDataPurgedAt } from "@tribune/db/repos/retention";
import { listSubdivisionOptions } from "@tribune/db/repos/subdivisions";
import { listSurveys } from "@tribune/db/repos/surveys";
import { listUsers } from "@tribune/db/repos/users";
import * as schema from "@tribune/db/schema";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { ROLES } from "@tribune/domain/auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bootstrap, DEMO_EDITION_ID, startHousekeeping } from "./bootstrap";

describe.each(testBackends())("bootstrap on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  /** A second server instance: its own pool on PostgreSQL; the same handle on PGlite. */
  let other: OpenDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    other = database.url ? await openDatabase({ url: database.url }) : database;
  });
  afterAll(async () => {
    if (other !== database) await other.close();
    await database.close();
  });

  it("seeds once and creates the demo accounts once, even when two instances start at once", async () => {
    const [a, b] = await Promise.all([bootstrap(database.db), bootstrap(other.db)]);
    const first = a.demoAccounts.length > 0 ? a : b;
    const second = first === a ? b : a;

    expect(first.seeded).toBe(true);
    expect(first.demoAccounts.map((account) => account.role)).toEqual([...ROLES]);
    expect(second).toEqual({ seeded: false, demoAccounts: [] });
    expect(await listEditions(database.db)).toHaveLength(1);
    expect(await listUsers(database.db)).toHaveLength(ROLES.length);
  });

  it("does nothing on a later start", async () => {
    expect(await bootstrap(database.db)).toEqual({ seeded: false, demoAccounts: [] });
  });

  /** Stores an idempotency key as if made `ageSeconds` ago. */
  const storeKey = (key: string, ageSeconds: number) =>
    database.db.insert(schema.idempotencyKeys).values({
      scope: "registration.register",
      key,
      requestHash: "h",
      createdAt: new Date(Date.now() - ageSeconds * 1000).toISOString(),
    });
  const storedKeys = async () =>
    (await database.db.select().from(schema.idempotencyKeys)).map((k) => k.key).sort();

  it("forgets idempotency keys past their lifetime at start-up, and keeps recent ones", async () => {
    await storeKey("old", IDEMPOTENCY_KEY_LIFETIME_SECONDS + 60);
    await storeKey("recent", 60);
    await bootstrap(database.db);
    expect(await storedKeys()).toEqual(["recent"]);
  });

  it("forgets them while the server runs, every hour", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const log = vi.fn();
      const stop = startHousekeeping(database.db, { log });
      await storeKey("expired-later", IDEMPOTENCY_KEY_LIFETIME_SECONDS + 60);
      expect(await storedKeys()).toEqual(["expired-later", "recent"]);
      await vi.advanceTimersByTimeAsync(3_600_000);
      await vi.waitFor(async () => expect(await storedKeys()).toEqual(["recent"]));
      stop();
      expect(log).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  /** Stores a staff account's link for the first account, expiring in `inSeconds`, spent or not. */
  const storeLink = async (tokenHash: string, inSeconds: number, spent = false) => {
    const [user] = await listUsers(database.db);
    await database.db.insert(schema.accountTokens).values({
      tokenHash,
      userId: user?.id ?? "",
      purpose: "password_reset",
      expiresAt: new Date(Date.now() + inSeconds * 1000).toISOString(),
      usedAt: spent ? new Date().toISOString() : null,
    });
  };
  const storedLinks = async () =>
    (await database.db.select().from(schema.accountTokens)).map((t) => t.tokenHash).sort();

  it("drops the accounts' spent and expired links while the server runs, every hour, and keeps the usable ones", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const log = vi.fn();
      const stop = startHousekeeping(database.db, { log });
      await storeLink("usable", 3_600);
      await storeLink("spent", 3_600, true);
      await storeLink("expired", -60);
      expect(await storedLinks()).toEqual(["expired", "spent", "usable"]);
      await vi.advanceTimersByTimeAsync(3_600_000);
      await vi.waitFor(async () => expect(await storedLinks()).toEqual(["usable"]));
      stop();
      expect(log).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  /** Stores a login session of the first account, last used `idleSeconds` ago. */
  const storeSession = async (tokenHash: string, idleSeconds: number) => {
    const [user] = await listUsers(database.db);
    await database.db.insert(schema.authSessions).values({
      tokenHash,
      userId: user?.id ?? "",
      lastSeenAt: new Date(Date.now() - idleSeconds * 1000).toISOString(),
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
  };
  const storedSessions = async () =>
    (await database.db.select().from(schema.authSessions)).map((s) => s.tokenHash).sort();

  it("drops login sessions idle too long while the server runs, every hour, and keeps the live ones", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const log = vi.fn();
      const stop = startHousekeeping(database.db, { log });
      // Not expired (a month left), but unused for longer than the idle lifetime.
      await storeSession("idle", SESSION_IDLE_SECONDS + 60);
      await storeSession("live", 60);
      expect(await storedSessions()).toEqual(["idle", "live"]);
      await vi.advanceTimersByTimeAsync(3_600_000);
      await vi.waitFor(async () => expect(await storedSessions()).toEqual(["live"]));
      stop();
      expect(log).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe.each(testBackends())("a first start without the demo on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.close());

  it("loads the subdivisions only: no edition, no account, no survey, no password", async () => {
    expect(await bootstrap(database.db, { demo: false })).toEqual({
      seeded: false,
      demoAccounts: [],
    });
    expect(await listUsers(database.db)).toEqual([]);
    expect(await listEditions(database.db)).toEqual([]);
    expect(await listSurveys(database.db)).toEqual([]);
    expect(await listDossiers(database.db)).toEqual([]);
    expect((await listSubdivisionOptions(database.db)).length).toBe(23);
  });

  it("never loads the demo later on a database a person set up, even embedded", async () => {
    await createAccount(
      database.db,
      { email: "admin@syndicat.test", role: "admin", password: "une phrase de passe solide" },
      SYSTEM,
    );
    expect(await bootstrap(database.db, { demo: "if-empty" })).toEqual({
      seeded: false,
      demoAccounts: [],
    });
    expect(await listEditions(database.db)).toEqual([]);
    expect((await listUsers(database.db)).map((u) => u.email)).toEqual(["admin@syndicat.test"]);
  });
});

describe.each(testBackends())("the embedded default on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.close());

  it("loads the demo on an empty database, and keeps it up to date on the next starts", async () => {
    const first = await bootstrap(database.db, { demo: "if-empty" });
    expect(first.seeded).toBe(true);
    expect(first.demoAccounts.map((a) => a.email)).toContain("admin@tribune.demo");
    expect(await bootstrap(database.db, { demo: "if-empty" })).toEqual({
      seeded: false,
      demoAccounts: [],
    });
    expect((await listEditions(database.db)).map((e) => e.year)).toEqual([2026]);
  });
});

describe.each(testBackends())(
  "the hourly retention purge losing its connection on %s",
  (backend: Backend) => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    beforeAll(async () => {
      database = await openTestDatabase(backend);
      await bootstrap(database.db);
    });
    afterAll(() => database.close());

    it("logs the failed pass, lives on, and the next pass purges the congress", async () => {
      // The day after the 2026 congress's data was promised to go (a year after it).
      vi.useFakeTimers({
        toFake: ["setInterval", "clearInterval", "Date"],
        now: new Date("2027-02-01T08:00:00Z"),
      });
      try {
        // The purge's transaction loses its connection, once.
        let lose = true;
        const db = new Proxy(database.db, {
          get(target, prop) {
            if (prop === "transaction" && lose) {
              lose = false;
              return () =>
                Promise.reject(
                  Object.assign(new Error("terminating connection due to administrator command"), {
                    code: "57P01",
                  }),
                );
            }
            const value = Reflect.get(target, prop);
            return typeof value === "function" ? value.bind(target) : value;
          },
        });
        const log = vi.fn();
        const report = vi.fn();
        const stop = startHousekeeping(db, { log, report });
        await vi.waitFor(() =>
          expect(log).toHaveBeenCalledWith(
            "Effacement des données personnelles impossible :",
            expect.objectContaining({ code: "57P01" }),
          ),
        );
        expect(await personalDataPurgedAt(database.db, DEMO_EDITION_ID)).toBeNull();
        await vi.advanceTimersByTimeAsync(3_600_000);
        await vi.waitFor(() =>
          expect(report).toHaveBeenCalledWith(
            expect.stringContaining("Données personnelles du congrès 2026 effacées"),
          ),
        );
        expect(await personalDataPurgedAt(database.db, DEMO_EDITION_ID)).not.toBeNull();
        stop();
        expect(log).toHaveBeenCalledTimes(1);
      } finally {
        vi.useRealTimers();
      }
    });
  },
);

/**
 * Helpers for the API tests: contexts as a browser would produce them (a cookie jar, a client
 * address, the actor behind a real login token) and the error shape a client would receive.
 */

import type { Database, EventBus, OpenDatabase } from "@tribune/db";
import { listSubdivisionOptions } from "@tribune/db/repos/subdivisions";
import { seedReferenceEdition, seedReferenceSurveys } from "@tribune/db/seed";
import { type Backend, openTestDatabase } from "@tribune/db/testing";
import type { Role } from "@tribune/domain/auth";
import type { Partner, Session } from "@tribune/domain/congress";
import { referenceProgramme2026 } from "@tribune/reference";
import { getErrorShape, type inferRouterError, TRPCError } from "@trpc/server";
import { afterAll, beforeAll } from "vitest";
import { createAccount } from "./accounts";
import { SYSTEM } from "./audit";
import { resolveActor } from "./auth/session";
import type { Actor, CookieJar } from "./context";
import { type AppRouter, appRouter, createCaller } from "./root";

export type Caller = ReturnType<typeof createCaller>;
export type ErrorShape = inferRouterError<AppRouter>;

export const PASSWORD = "un mot de passe assez long";
export const REFERENCE = referenceProgramme2026();
export const EDITION_2026 = REFERENCE.edition.id;
export const [AMPHI, SALLE_2, SALLE_3, SALLE_4] = REFERENCE.rooms.map((r) => r.id) as [
  string,
  string,
  string,
  string,
];

/** A seeded session of the 2026 programme, by its printed title. */
export function referenceSession(title: string): Session {
  const session = REFERENCE.sessions.find((s) => s.title === title);
  if (!session) throw new Error(`No reference session titled "${title}"`);
  return session;
}

/** A seeded partner of 2026, by name. */
export function referencePartner(name: string): Partner {
  const partner = REFERENCE.partners.find((p) => p.name === name);
  if (!partner) throw new Error(`No reference partner named "${name}"`);
  return partner;
}

/** The cookie jar of one request: the token it carried, and what the response set. */
export class FakeCookieJar implements CookieJar {
  readonly issued: { token: string; maxAgeSeconds: number }[] = [];
  cleared = 0;
  constructor(readonly token: string | null = null) {}
  issue(token: string, maxAgeSeconds: number) {
    this.issued.push({ token, maxAgeSeconds });
  }
  clear() {
    this.cleared += 1;
  }
}

let addressCount = 0;
/** A client address of its own, so one test's failed logins never throttle another's. */
export const freshAddress = () => {
  addressCount += 1;
  return `10.0.${Math.floor(addressCount / 256)}.${addressCount % 256}`;
};

let emailCount = 0;
export const freshEmail = (label: string) => `${label}-${++emailCount}@tribune.test`;

/** Per-database helpers: accounts, sign-ins and callers. */
export function testApi(db: Database) {
  const accounts = new Map<Role, Promise<string>>();
  const callers = new Map<Role, Promise<Caller>>();

  /**
   * A caller for one request carrying `token` (or none), as the HTTP server builds it; its live
   * events go through `events` when given (a server instance's bus).
   */
  async function callerWithToken(token: string | null, events?: EventBus) {
    const actor = await resolveActor(db, token);
    const cookies = new FakeCookieJar(token);
    return createCaller({
      db,
      actor,
      clientIp: freshAddress(),
      cookies,
      ...(events && { events }),
    });
  }

  /** Logs in through `auth.login`, as the admin's login form does. */
  async function logIn(email: string, password = PASSWORD, previousToken: string | null = null) {
    const cookies = new FakeCookieJar(previousToken);
    const caller = createCaller({ db, actor: null, clientIp: freshAddress(), cookies });
    const me = await caller.auth.login({ email, password });
    const token = cookies.issued.at(-1)?.token;
    if (!token) throw new Error("auth.login succeeded without issuing a session cookie");
    return { me, token, cookies };
  }

  /** The email of this role's account, created once per database (hashing is slow). */
  function accountOf(role: Role): Promise<string> {
    let email = accounts.get(role);
    if (!email) {
      email = (async () => {
        // A representative needs a subdivision: the first of the seeded ones.
        const subdivisionId =
          role === "representative" ? ((await listSubdivisionOptions(db))[0]?.id ?? null) : null;
        const user = await createAccount(
          db,
          { email: `${role}@tribune.test`, role, subdivisionId, password: PASSWORD },
          SYSTEM,
        );
        return user.email;
      })();
      accounts.set(role, email);
    }
    return email;
  }

  /** A caller of `role` (or anonymous), freshly signed in, whose live events go through `events`. */
  async function callerOn(role: Role | null, events: EventBus): Promise<Caller> {
    const token = role ? (await logIn(await accountOf(role))).token : null;
    return callerWithToken(token, events);
  }

  /** A caller signed in with a real token as this role's account, made once per database. */
  function callerAs(role: Role): Promise<Caller> {
    let caller = callers.get(role);
    if (!caller) {
      caller = accountOf(role)
        .then((email) => logIn(email))
        .then(({ token }) => callerWithToken(token));
      callers.set(role, caller);
    }
    return caller;
  }

  /** A representative of the subdivision, with their own account (made once per subdivision). */
  const representatives = new Map<string, Promise<Caller>>();
  function representativeOf(subdivisionId: string): Promise<Caller> {
    let caller = representatives.get(subdivisionId);
    if (!caller) {
      const email = `representative-${subdivisionId.slice(-4)}@tribune.test`;
      caller = createAccount(
        db,
        { email, role: "representative", subdivisionId, password: PASSWORD },
        SYSTEM,
      )
        .then(() => logIn(email))
        .then(({ token }) => callerWithToken(token));
      representatives.set(subdivisionId, caller);
    }
    return caller;
  }

  return {
    db,
    representativeOf,
    anonymous: () => callerWithToken(null),
    callerWithToken,
    logIn,
    accountOf,
    callerAs,
    callerOn,
  };
}

/** The API helpers of a seeded database, with its event bus and (on PostgreSQL) its address. */
export type SeededApi = ReturnType<typeof testApi> &
  Pick<OpenDatabase, "events"> & { url: string | null };

/** Opening and seeding: the reference surveys' many responses take long on a busy machine. */
const SEEDING_TIMEOUT_MS = 120_000;

/**
 * A fresh database for one `describe.each(testBackends())` block, seeded with the 2026 edition
 * (and the reference surveys when asked), opened before its tests and closed after them. The
 * object is filled in by the `beforeAll` this registers (before the block's own hooks), so use
 * it inside hooks and tests only.
 */
export function useSeededApi(backend: Backend, options: { surveys?: boolean } = {}): SeededApi {
  let seeded: SeededApi | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await openTestDatabase(backend);
    close = opened.close;
    await seedReferenceEdition(opened.db);
    if (options.surveys) await seedReferenceSurveys(opened.db);
    seeded = { ...testApi(opened.db), events: opened.events, url: opened.url };
  }, SEEDING_TIMEOUT_MS);
  afterAll(() => close?.());
  return new Proxy({} as SeededApi, {
    get(_, key) {
      if (!seeded) throw new Error("useSeededApi: its database opens in beforeAll, use it there");
      return Reflect.get(seeded, key);
    },
  });
}

/** A caller acting as `actor` as given, with no login behind it (for a broken or doctored database). */
export const callerFor = (db: Database, actor: Actor | null) =>
  createCaller({ db, actor, clientIp: freshAddress(), cookies: new FakeCookieJar() });

/**
 * Awaits a call that must fail and returns the error as a client receives it: the shape the
 * router's error formatter produces, which the HTTP adapter sends as is.
 */
export async function rejection(call: Promise<unknown>): Promise<ErrorShape> {
  const error = await call.then(
    () => {
      throw new Error("Expected the call to fail, but it succeeded");
    },
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  return getErrorShape({
    config: appRouter._def._config,
    error,
    type: "unknown",
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
}

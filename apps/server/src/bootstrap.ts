import { randomBytes } from "node:crypto";
import {
  createAccount,
  purgeExpiredPersonalData,
  SESSION_IDLE_SECONDS,
  SYSTEM,
  systemContext,
} from "@tribune/api";
import type { Database, Executor } from "@tribune/db";
import { purgeDeadAccountTokens } from "@tribune/db/repos/account-tokens";
import { purgeDeadAuthSessions } from "@tribune/db/repos/auth-sessions";
import { purgeExpiredIdempotencyKeys } from "@tribune/db/repos/idempotency";
import { listUsers } from "@tribune/db/repos/users";
import {
  holdsEdition,
  seedReferenceEdition,
  seedReferenceSurveys,
  seedSubdivisions,
} from "@tribune/db/seed";
import { ROLES, type Role } from "@tribune/domain/auth";
import { FOR_TERMINAL, formatCount } from "@tribune/domain/format";
import { referenceProgramme2026, referenceSubdivision } from "@tribune/reference";

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
}

export const demoEmail = (role: Role) => `${role}@tribune.demo`;

/** The demo's congress (the 26th, 2026): an embedded database holding it is a demo database. */
export const DEMO_EDITION_ID = referenceProgramme2026().edition.id;

/** Held while bootstrapping (client.ts holds 726_101 while migrating). */
const BOOTSTRAP_LOCK = 726_102;

/**
 * Whether a start loads the demo: always (`true`, TRIBUNE_DEMO=on), never (`false`: PostgreSQL
 * or TRIBUNE_DEMO=off), or `"if-empty"` (the embedded database's default): on a database with
 * no account yet, or one the demo was loaded into before — never on one a person set up.
 */
export type DemoChoice = boolean | "if-empty";

/**
 * The demo: the 26th congress from the 2026 press kit (rooms, programme, partners, press-kit
 * texts, the pillars' dossiers), the kit's surveys with SYNTHETIC responses (flagged), and one
 * demo account per role when no account exists yet. Their passwords are random (or
 * `demoPassword`, for demos and browser tests) and returned once, for printing. Idempotent:
 * what exists is left as edited.
 */
export async function loadDemo(
  tx: Executor,
  { demoPassword }: { demoPassword?: string | undefined } = {},
): Promise<{ seeded: boolean; demoAccounts: DemoAccount[] }> {
  const { created } = await seedReferenceEdition(tx as Database);
  // The press kit's surveys, with synthetic responses (flagged), so its figures compute.
  await seedReferenceSurveys(tx);
  if ((await listUsers(tx)).length > 0) return { seeded: created, demoAccounts: [] };
  const demoAccounts: DemoAccount[] = [];
  for (const role of ROLES) {
    const account = {
      role,
      email: demoEmail(role),
      password: demoPassword ?? randomBytes(12).toString("base64url"),
    };
    // The demo representative speaks for Dijon, the 2026 host city, and sees its members only.
    const subdivisionId = role === "representative" ? referenceSubdivision("dijon").id : null;
    await createAccount(
      tx as Database,
      { ...account, displayName: `Démo ${role}`, subdivisionId },
      SYSTEM,
    );
    demoAccounts.push(account);
  }
  return { seeded: created, demoAccounts };
}

/** Drops the login sessions that can no longer be used: expired, revoked, or idle too long. */
const purgeIdleAuthSessions = (db: Executor) =>
  purgeDeadAuthSessions(db, new Date(Date.now() - SESSION_IDLE_SECONDS * 1000).toISOString());

/**
 * Every start: the federation's reference data (its subdivisions), the demo when chosen (see
 * DemoChoice), and housekeeping (login sessions idle too long, idempotency keys past their
 * lifetime). A start without the demo creates no account and prints no password: the first
 * admin is made with `pnpm tribune user add --role admin`.
 * Several instances may start at once on one PostgreSQL: one transaction under an advisory
 * lock makes the others wait, then find the work done.
 */
export function bootstrap(
  db: Database,
  { demo = true, demoPassword }: { demo?: DemoChoice; demoPassword?: string | undefined } = {},
): Promise<{ seeded: boolean; demoAccounts: DemoAccount[] }> {
  return db.transaction(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    await seedSubdivisions(tx);
    const wanted =
      demo === "if-empty"
        ? (await listUsers(tx)).length === 0 || (await holdsEdition(tx, DEMO_EDITION_ID))
        : demo;
    const outcome = wanted
      ? await loadDemo(tx, { demoPassword })
      : { seeded: false, demoAccounts: [] };
    await purgeIdleAuthSessions(tx);
    await purgeExpiredIdempotencyKeys(tx);
    await purgeDeadAccountTokens(tx, new Date());
    return outcome;
  });
}

const HOUR_MS = 3_600_000;

/**
 * Housekeeping while the server runs: every `everyMs` (an hour), drops the login sessions that
 * can no longer be used (expired, revoked, idle too long — a server up for weeks would
 * otherwise keep them until its next start), forgets expired idempotency keys and drops the
 * staff accounts' links that can no longer be used (spent, voided or expired), as bootstrap
 * does at start-up, and — at once, then every hour — purges the personal
 * data of congresses past the retention their registration form promised (one year after; see
 * `purgeExpiredPersonalData`: one transaction per edition, safe with several instances). A
 * failure (database unreachable) is logged and tried again next time. The timer does not keep
 * the process alive. Returns a function that stops it.
 */
export function startHousekeeping(
  db: Database,
  {
    everyMs = HOUR_MS,
    log = (message: string, error: unknown) => console.error(message, error),
    report = (message: string) => console.log(message),
  }: {
    everyMs?: number;
    log?: (message: string, error: unknown) => void;
    report?: (message: string) => void;
  } = {},
): () => void {
  const purgePersonalData = () =>
    purgeExpiredPersonalData(systemContext(db))
      .then((reports) => {
        for (const r of reports)
          report(
            `Données personnelles du congrès ${r.year} effacées (conservation promise jusqu'au ${r.keptUntil}) : ${formatCount(r.registrations, "inscription devenue", "inscriptions devenues", FOR_TERMINAL)} des comptes par subdivision.`,
          );
      })
      .catch((error: unknown) => log("Effacement des données personnelles impossible :", error));
  void purgePersonalData();
  const timer = setInterval(() => {
    purgeIdleAuthSessions(db).catch((error: unknown) =>
      log("Purge des sessions de connexion inactives impossible :", error),
    );
    purgeExpiredIdempotencyKeys(db).catch((error: unknown) =>
      log("Purge des clés d'idempotence impossible :", error),
    );
    purgeDeadAccountTokens(db, new Date()).catch((error: unknown) =>
      log("Purge des liens de compte (invitations, réinitialisations) impossible :", error),
    );
    void purgePersonalData();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

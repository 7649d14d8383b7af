import { clearLoginFailures, type Database, loginFailures, recordLoginFailure } from "@tribune/db";
import { DomainError } from "@tribune/domain";

export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** An account is locked after a few failures; an address may try more (a shared NAT). */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const keys = (ip: string, email: string) =>
  [
    [`ip:${ip}`, MAX_FAILURES_PER_ADDRESS],
    [`account:${email}`, MAX_FAILURES_PER_ACCOUNT],
  ] as const;

const windowStart = () => new Date(Date.now() - LOGIN_WINDOW_SECONDS * 1000).toISOString();

export async function assertLoginAllowed(db: Database, ip: string, email: string): Promise<void> {
  for (const [key, max] of keys(ip, email)) {
    if ((await loginFailures(db, key, windowStart())) >= max) {
      throw new DomainError(
        "rate_limited",
        "Trop de tentatives de connexion. Réessayez dans quelques minutes.",
      );
    }
  }
}

export async function noteLoginFailure(db: Database, ip: string, email: string): Promise<void> {
  for (const [key] of keys(ip, email)) await recordLoginFailure(db, key, windowStart());
}

/** A success clears the account's count (not the address's: other accounts may be guessed from it). */
export const noteLoginSuccess = (db: Database, email: string) =>
  clearLoginFailures(db, `account:${email}`);

import { clearLoginFailures, type Database, loginFailures, recordLoginFailure } from "@tribune/db";
import { DomainError } from "@tribune/domain";

export const LOGIN_WINDOW_SECONDS = 15 * 60;
/**
 * A few failures lock an account for the address they came from only, so that a stranger who
 * knows an e-mail cannot lock its owner out with five guesses. Guessing spread over many
 * addresses still locks the account everywhere, later; an address may try more accounts (a
 * shared NAT).
 */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ACCOUNT = 30;
export const MAX_FAILURES_PER_ADDRESS = 20;

const accountFrom = (ip: string, email: string) => `account:${email}|ip:${ip}`;

const keys = (ip: string, email: string) =>
  [
    [`ip:${ip}`, MAX_FAILURES_PER_ADDRESS],
    [accountFrom(ip, email), MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS],
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

/** A success clears the account's counts (not the address's: other accounts may be guessed from it). */
export async function noteLoginSuccess(db: Database, ip: string, email: string): Promise<void> {
  await clearLoginFailures(db, accountFrom(ip, email));
  await clearLoginFailures(db, `account:${email}`);
}

import type { Database } from "@tribune/db";
import {
  clearLoginFailures,
  releaseLoginAttempt,
  takeLoginAttempt,
} from "@tribune/db/repos/auth-sessions";
import { ACCOUNT_REFUSALS } from "@tribune/domain/auth";
import { refusalError } from "@tribune/domain/kernel";

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

/**
 * The narrowest key first: an attempt refused by one key is counted by none of the keys after
 * it (and given back to those before), so a burst from one address reaches the account's own
 * count at most five times and cannot lock the account for everyone.
 */
const keys = (ip: string, email: string) =>
  [
    [accountFrom(ip, email), MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS],
    [`ip:${ip}`, MAX_FAILURES_PER_ADDRESS],
    [`account:${email}`, MAX_FAILURES_PER_ACCOUNT],
  ] as const;

const windowStart = () => new Date(Date.now() - LOGIN_WINDOW_SECONDS * 1000).toISOString();

/**
 * Counts a login attempt as a failure before its password is checked, atomically per key, so
 * that simultaneous guesses cannot all slip under a limit; refuses it once a limit is reached.
 * The attempt stays counted unless noteLoginSuccess takes it back.
 */
export async function countLoginAttempt(db: Database, ip: string, email: string): Promise<void> {
  const since = windowStart();
  const taken: string[] = [];
  for (const [key, max] of keys(ip, email)) {
    if ((await takeLoginAttempt(db, key, max, since)) === null) {
      for (const counted of taken) await releaseLoginAttempt(db, counted);
      throw refusalError(ACCOUNT_REFUSALS.tooManyAttempts());
    }
    taken.push(key);
  }
}

/**
 * A success is not a failure: it gives back the attempt it took from the address's counts. Their
 * earlier failures stay counted until the window ends (so no more than five wrong passwords are
 * ever checked for an account from one address in a window, however the guesses interleave with
 * a success). It clears the account's own count, so that its owner signing in undoes guessing
 * spread over many addresses.
 */
export async function noteLoginSuccess(db: Database, ip: string, email: string): Promise<void> {
  await releaseLoginAttempt(db, accountFrom(ip, email));
  await releaseLoginAttempt(db, `ip:${ip}`);
  await clearLoginFailures(db, `account:${email}`);
}

/**
 * Reset links asked for from one client address in a login window: above it, the request is
 * refused like a login (`too_many_attempts`), whatever the address asked about.
 */
export const MAX_RESET_REQUESTS_PER_ADDRESS = 10;
/**
 * Reset links sent to one account in a login window: above it, the request gets the same answer
 * but no message leaves, so that nobody floods a mailbox and the answer tells nothing.
 */
export const MAX_RESET_REQUESTS_PER_ACCOUNT = 3;

/**
 * Counts a request for a password-reset link in the login throttle's table (its own keys),
 * atomically: throws `too_many_attempts` once the client address has used its allowance, and
 * answers whether a message may still go to the account (false once it had its share).
 */
export async function countResetRequest(db: Database, ip: string, email: string): Promise<boolean> {
  const since = windowStart();
  if (
    (await takeLoginAttempt(db, `reset:ip:${ip}`, MAX_RESET_REQUESTS_PER_ADDRESS, since)) === null
  )
    throw refusalError(ACCOUNT_REFUSALS.tooManyAttempts());
  return (
    (await takeLoginAttempt(
      db,
      `reset:account:${email}`,
      MAX_RESET_REQUESTS_PER_ACCOUNT,
      since,
    )) !== null
  );
}

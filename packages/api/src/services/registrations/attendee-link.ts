import { createHmac, timingSafeEqual } from "node:crypto";
import type { Executor } from "@tribune/db";
import { appSecret } from "@tribune/db/repos/app-secrets";

/**
 * The link to the attendee's space (`/public/mon-inscription?jeton=…`) that every message
 * carries: a token naming the registration and when it expires, signed with HMAC-SHA256 under
 * a key the application keeps in its database (the same for every instance, kept across
 * restarts). Nothing is stored per link: the page verifies the token and reads the
 * registration. Whoever holds the message holds the link, as with the code it also contains.
 */

const SECRET_NAME = "attendee-link";
const PATH = "/public/mon-inscription";

const signature = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(payload).digest("base64url");

/** "<registration id>.<expiry, seconds since 1970>.<signature>". */
export function signAttendeeToken(secret: string, registrationId: string, expiresAt: Date): string {
  const payload = `${registrationId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${signature(secret, payload)}`;
}

/** The registration a token names, if its signature holds and it has not expired; else null. */
export function verifyAttendeeToken(
  secret: string,
  token: string,
  now: Date,
): { registrationId: string; expiresAt: Date } | null {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, registrationId = "", expiry = "", sent = ""] = match;
  const expected = Buffer.from(signature(secret, `${registrationId}.${expiry}`));
  const given = Buffer.from(sent);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = new Date(Number(expiry) * 1000);
  return expiresAt.getTime() > now.getTime() ? { registrationId, expiresAt } : null;
}

export const attendeeLinkSecret = (db: Executor) => appSecret(db, SECRET_NAME);

/** The attendee's space for a registration, as a full address under the server's public URL. */
export async function attendeeLink(
  db: Executor,
  publicUrl: string,
  registrationId: string,
  expiresAt: Date,
): Promise<{ url: string }> {
  const token = signAttendeeToken(await attendeeLinkSecret(db), registrationId, expiresAt);
  // Kept under any path the public address has (https://example.org/tribune/public/…).
  const url = new URL(`${publicUrl.replace(/\/+$/, "")}${PATH}`);
  url.searchParams.set("jeton", token);
  return { url: url.toString() };
}

/** Reads a token from a link back: for the attendee's space (not built yet). */
export async function verifyAttendeeLink(db: Executor, token: string, now: Date) {
  return verifyAttendeeToken(await attendeeLinkSecret(db), token, now);
}

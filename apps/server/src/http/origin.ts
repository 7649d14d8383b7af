import type { IncomingMessage } from "node:http";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The one origin (scheme, host and port) allowed to send state-changing requests: the public
 * address when configured, else the address the request came to, over plain http.
 */
function expectedOrigin(req: IncomingMessage, publicUrl: string | undefined): string | null {
  try {
    if (publicUrl) return new URL(publicUrl).origin;
    return req.headers.host ? new URL(`http://${req.headers.host}`).origin : null;
  } catch {
    return null;
  }
}

/**
 * Refuses state-changing requests sent by a page of another site (CSRF). Browsers always send
 * Origin on such requests; command-line clients send none and are let through (they hold the
 * cookie themselves, no third party can ride on it). The whole origin must match — a page
 * served over http cannot act on the https site of the same host, nor another port's.
 */
export function isForeignOrigin(req: IncomingMessage, publicUrl: string | undefined): boolean {
  if (SAFE_METHODS.has(req.method ?? "GET")) return false;
  const origin = req.headers.origin;
  if (!origin) return false;
  let sent: string;
  try {
    sent = new URL(origin).origin;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage
  }
  return sent === "null" || sent !== expectedOrigin(req, publicUrl);
}

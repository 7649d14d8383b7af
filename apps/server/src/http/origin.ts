import type { IncomingMessage } from "node:http";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests sent by a page of another site (CSRF). Browsers always send
 * Origin on such requests; command-line clients send none and are let through (they hold the
 * cookie themselves, no third party can ride on it).
 */
export function isForeignOrigin(req: IncomingMessage, publicUrl: string | undefined): boolean {
  if (SAFE_METHODS.has(req.method ?? "GET")) return false;
  const origin = req.headers.origin;
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  if (publicUrl && new URL(publicUrl).host === host) return false;
  return host !== req.headers.host;
}

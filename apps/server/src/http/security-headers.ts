import type { ServerResponse } from "node:http";

/**
 * What a page of ours may load and run. The admin is a Vite build: module scripts and
 * stylesheets from /assets, no inline script nor <style> element (React sets `style` through
 * the DOM, which CSP allows); QR codes are data: images. No site may frame any page of ours
 * (clickjacking), and no <base> or plugin can redirect what the page loads.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Sets the security headers every response carries — admin pages, static files, the API, the
 * PDF. No referrer leaves for another site: public pages carry registration codes and survey
 * tokens in their address. Behind https, browsers are told to never come back over http.
 */
export function setSecurityHeaders(res: ServerResponse, secure: boolean): void {
  res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("X-Content-Type-Options", "nosniff");
  // Not "no-referrer": browsers would then send `Origin: null` on our own POSTs (see origin.ts).
  res.setHeader("Referrer-Policy", "same-origin");
  if (secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
}

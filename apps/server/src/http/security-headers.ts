import { ROUTES } from "@tribune/domain/routes";

const policy = (frameAncestors: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The press-kit page previews the PDF in an <object> of its own origin.
    "object-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");

/**
 * What a page of ours may load and run. The admin is a Vite build: module scripts and
 * stylesheets from /assets, no inline script nor <style> element (React sets `style` through
 * the DOM, which CSP allows), no eval (zod runs jitless there); QR codes are data: images. No
 * site may frame any page of ours (clickjacking), and no <base> can redirect what it loads.
 */
export const CONTENT_SECURITY_POLICY = policy("'none'");
/** The press-kit PDF, which the admin's own press-kit page shows in an <object>. */
export const EMBEDDED_PDF_POLICY = policy("'self'");
const EMBEDDED_PDF = new RegExp(
  `^${ROUTES.pressKitPdf.pattern.replaceAll(".", "\\.").replace(":year", "\\d{4}")}$`,
);

/**
 * The security headers every response carries — admin pages, static files, the API, the
 * PDF. No referrer leaves for another site: public pages carry registration codes and survey
 * tokens in their address. Behind https, browsers are told never to come back over http.
 */
export function securityHeaders(url: string, secure: boolean): Record<string, string> {
  const path = url.split("?")[0] ?? "/";
  const embedded = EMBEDDED_PDF.test(path);
  return {
    "Content-Security-Policy": embedded ? EMBEDDED_PDF_POLICY : CONTENT_SECURITY_POLICY,
    "X-Frame-Options": embedded ? "SAMEORIGIN" : "DENY",
    "X-Content-Type-Options": "nosniff",
    // Not "no-referrer": browsers would then send `Origin: null` on our own POSTs (see origin.ts).
    "Referrer-Policy": "same-origin",
    ...(secure ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

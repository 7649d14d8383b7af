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

/** The headers of one kind of response, behind http and https. */
function headerSets(embedded: boolean): readonly [Record<string, string>, Record<string, string>] {
  const headers = {
    "Content-Security-Policy": embedded ? EMBEDDED_PDF_POLICY : CONTENT_SECURITY_POLICY,
    "X-Frame-Options": embedded ? "SAMEORIGIN" : "DENY",
    "X-Content-Type-Options": "nosniff",
    // Not "no-referrer": browsers would then send `Origin: null` on our own POSTs (see origin.ts).
    "Referrer-Policy": "same-origin",
  };
  return [
    Object.freeze(headers),
    Object.freeze({ ...headers, "Strict-Transport-Security": "max-age=31536000" }),
  ];
}
// Worked out once: every request of the server sets them.
const PAGE_HEADERS = headerSets(false);
const PDF_HEADERS = headerSets(true);

/**
 * The security headers every response carries — admin pages, static files, the API, the
 * PDF. No referrer leaves for another site: public pages carry registration codes and survey
 * tokens in their address. Behind https, browsers are told never to come back over http.
 * The same (frozen) object for every request of a kind.
 */
export function securityHeaders(url: string, secure: boolean): Readonly<Record<string, string>> {
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  return (EMBEDDED_PDF.test(path) ? PDF_HEADERS : PAGE_HEADERS)[secure ? 1 : 0];
}

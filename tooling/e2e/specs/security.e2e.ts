import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, mutate, query, useTribune } from "../src/harness";

const tribune = useTribune();

/**
 * Every page carries a Content-Security-Policy (no inline script or style, no framing): the
 * admin must work under it. These tests walk its pages and fail on any violation Chromium
 * reports, in the console or as a `securitypolicyviolation` event.
 */

declare global {
  interface Window {
    reportCspViolation?: (violation: string) => Promise<void>;
  }
}

/**
 * A page that records every CSP violation of every document it shows, whichever way Chromium
 * reports it: a console message, or a `securitypolicyviolation` event (zod's eval probe, for
 * one, raises only the event).
 */
async function watchedPage(): Promise<{ page: Page; violations: () => string[] }> {
  const page = await tribune.page();
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (violation: string) => {
    seen.push(violation);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      void window.reportCspViolation?.(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, violations: () => [...seen] };
}

/** Opens a page of the admin and waits for its main heading. */
async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await page.getByRole("heading", { level: 1 }).first().waitFor();
}

describe("the admin under its Content-Security-Policy", () => {
  it("signs in and walks the admin's pages without a single violation", async () => {
    const { page, violations } = await watchedPage();
    await logIn(page, "admin");
    const [survey] = await query<{ id: string }[]>(page, "survey.list");
    const pages = [
      "/programme",
      "/salles",
      "/intervenants",
      "/partenaires",
      "/inscriptions",
      "/accueil",
      "/subdivisions",
      "/adherents",
      "/enquetes",
      `/enquetes/${survey?.id}`,
      `/enquetes/${survey?.id}/collecte`,
      "/enquetes/chiffres-cles",
      "/dossiers",
      "/motions",
      "/dossier-de-presse",
      "/journal",
    ];
    for (const path of pages) await visit(page, path);
    expect(violations()).toEqual([]);
  });

  it("shows the attendee's QR code (a data: image) without a violation", async () => {
    const { page, violations } = await watchedPage();
    // Registered at the desk (the public page sends the code by e-mail), then opened by the
    // attendee with their code and address: their space shows the code as a QR code.
    await logIn(page, "organiser");
    const registration = await mutate<{ code: string; email: string }>(
      page,
      "registration.create",
      {
        editionId: (await query<{ id: string }>(page, "edition.byYear", { year: 2026 })).id,
        firstName: "Inès",
        lastName: "Garnier",
        email: "ines.garnier@exemple.fr",
        subdivisionId: (await query<{ id: string; name: string }[]>(page, "subdivision.options"))[0]
          ?.id,
      },
    );
    await visit(page, "/public/mon-inscription");
    await page.getByLabel(/Code d'inscription/).fill(registration.code);
    await page.getByLabel("Adresse e-mail").fill(registration.email);
    await page.getByRole("button", { name: "Ouvrir mon espace" }).click();
    await page.getByRole("img", { name: /QR code de votre code d'inscription/ }).waitFor();
    await visit(page, "/public/programme");
    expect(violations()).toEqual([]);
  });

  it("cannot be framed by another page", async () => {
    const { page, violations } = await watchedPage();
    // A blank page of no origin of ours puts the login page in a frame: Chromium refuses.
    await page.setContent(`<iframe src="${tribune.url}/connexion"></iframe>`);
    await expect
      .poll(() => violations().join("\n"), { timeout: 10_000 })
      .toMatch(/frame-ancestors 'none'/);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.getByLabel("Adresse e-mail").count()).toBe(0);
  });
});

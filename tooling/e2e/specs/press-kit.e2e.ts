import type { PressKitModel } from "@tribune/domain/press-kit";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, query, shoot, useTribune } from "../src/harness";

const tribune = useTribune();

/**
 * Home sends programme readers on to the programme, which moves the focus to its title once
 * loaded (and the focus leaving an open menu closes it): wait for that before using the menus.
 */
async function programmeShown(page: Page) {
  await page.waitForURL(/\/programme$/);
  await page.getByRole("tab", { name: "jeudi 22 janvier" }).waitFor();
}

describe("press kit", () => {
  it("lets a press account reach the press kit from the menu and download the PDF", async () => {
    const page = await tribune.page();
    await logIn(page, "press");
    await programmeShown(page);
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    const presse = nav.getByRole("button", { name: "Presse" });
    await presse.click();
    expect(await presse.getAttribute("aria-expanded")).toBe("true");
    await shoot(page, "navigation-presse-ouverte");
    await nav.getByRole("link", { name: "Dossier de presse" }).click();
    await page.waitForURL(/\/dossier-de-presse$/);
    expect(await presse.getAttribute("aria-expanded")).toBe("false");

    await page.getByRole("heading", { level: 1, name: "Dossier de presse 2026" }).waitFor();
    const sections = page.getByRole("region", { name: "Sections" });
    await sections.getByText("Mot de la Présidente").first().waitFor();
    expect(await sections.getByRole("listitem").count()).toBeGreaterThan(5);
    expect(await sections.getByRole("list").getByText("validé").count()).toBeGreaterThan(0);
    await page
      .getByText(/Les chiffres clés sont calculés à partir des réponses aux enquêtes/)
      .waitFor();

    const download = page.getByRole("link", { name: "Télécharger le PDF" });
    const href = await download.getAttribute("href");
    expect(href).toBe("/api/editions/2026/press-kit.pdf");
    expect(await download.getAttribute("download")).toBe("dossier-de-presse-2026.pdf");
    // page.request shares the page's cookies: the same request the browser makes.
    // The render may wait behind the page's own preview in the server's worker.
    const response = await page.request.get(href ?? "", { timeout: 60_000 });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await shoot(page, "dossier-de-presse");
  });

  it("lets the press move a section and edit the contacts, which the kit prints", async () => {
    const page = await tribune.page();
    await logIn(page, "press");
    await programmeShown(page);
    await page.goto("/dossier-de-presse");
    const sections = page.getByRole("region", { name: "Sections" });
    await sections.getByRole("button", { name: "Monter « Contacts »" }).click();
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll(".press-kit__list > li");
      return rows[rows.length - 1]?.textContent?.includes("INFORMER") ?? false;
    });

    await sections.getByRole("button", { name: "Modifier « Contacts »" }).click();
    const form = page.getByRole("form", { name: "Modifier « Contacts »" });
    const text = form.getByLabel("Contacts");
    await text.fill(`${await text.inputValue()}\nTikTok : @isnarimg`);
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form
      .getByText(/^Ligne 9 \(« TikTok : @isnarimg »\)/)
      .first()
      .waitFor();
    await shoot(page, "dossier-de-presse-contacts-refus");
    await text.fill(
      (await text.inputValue()).replace("TikTok : @isnarimg", "Site : www.congres-2027.fr"),
    );
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.waitFor({ state: "detached" });
    await shoot(page, "dossier-de-presse-ordre");

    const model = await query<PressKitModel>(page, "pressKit.model", { year: 2026 });
    expect(model.sections.map((s) => s.id).slice(-2)).toEqual(["contacts", "informer"]);
    const contacts = model.sections.find((s) => s.kind === "contacts");
    expect(contacts?.status).toBe("draft");
    expect(contacts?.kind === "contacts" && contacts.content.websites.at(-1)).toBe(
      "www.congres-2027.fr",
    );
  });

  it("keeps the press kit from the roles that may not read it", async () => {
    const page = await tribune.page();
    await logIn(page, "organiser");
    await programmeShown(page);
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    // Other pages may share the "Presse" menu: the press kit must not be in it.
    const presse = nav.getByRole("button", { name: "Presse" });
    if ((await presse.count()) > 0) await presse.click();
    expect(await nav.getByRole("link", { name: "Dossier de presse" }).count()).toBe(0);
    await page.goto("/dossier-de-presse");
    await page.getByRole("heading", { name: "Accès refusé" }).waitFor();
    expect((await page.request.get("/api/editions/2026/press-kit.pdf")).status()).toBe(403);
  });

  it("fits the shell on one line at 1280 px and keeps it usable at 375 px", async () => {
    const wide = await tribune.page();
    await logIn(wide, "admin");
    await programmeShown(wide);
    const header = wide.getByRole("banner");
    const nav = wide.getByRole("navigation", { name: "Navigation principale" });
    await nav.getByRole("button", { name: "Congrès" }).waitFor();
    await header.getByRole("button", { name: "Se déconnecter" }).waitFor();
    // One line: the menus and the logout button share the first row (the edition band is the
    // header's second row, by design).
    const navBox = await nav.boundingBox();
    const logoutBox = await header.getByRole("button", { name: "Se déconnecter" }).boundingBox();
    expect(navBox?.height).toBeLessThan(60);
    expect(Math.abs((logoutBox?.y ?? 999) - (navBox?.y ?? 0))).toBeLessThan(20);
    // The desk is with the congress: attendees are not all members.
    await nav.getByRole("button", { name: "Congrès" }).click();
    await nav.getByRole("link", { name: "Accueil (arrivées)" }).waitFor();
    await shoot(wide, "navigation-1280");
    await wide.keyboard.press("Escape");
    expect(await nav.getByRole("button", { name: "Congrès" }).getAttribute("aria-expanded")).toBe(
      "false",
    );

    const narrow = await tribune.page({ viewport: { width: 375, height: 812 } });
    await logIn(narrow, "admin");
    await programmeShown(narrow);
    const narrowNav = narrow.getByRole("navigation", { name: "Navigation principale" });
    await narrowNav.getByRole("button", { name: "Congrès" }).click();
    const salles = narrowNav.getByRole("link", { name: "Salles" });
    await salles.waitFor();
    // The open menu stays inside the screen.
    const menu = await salles.boundingBox();
    expect(menu && menu.x >= 0 && menu.x + menu.width <= 375).toBe(true);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await shoot(narrow, "navigation-375");
    await salles.click();
    await narrow.waitForURL(/\/salles$/);
  });
});

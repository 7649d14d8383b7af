import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, logIn, shoot, submitLogin, useTribune } from "../src/harness";

const tribune = useTribune();

describe("signing in and out", () => {
  it("runs against the database the run asked for", async () => {
    const health = (await (await fetch(`${tribune.url}/healthz`)).json()) as { database: string };
    expect(health).toEqual({
      status: "ok",
      database: process.env.TEST_DATABASE_URL ? "postgres" : "pglite",
    });
  });

  it("refuses a wrong password in French", async () => {
    const page = await tribune.page();
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill("organiser@tribune.demo");
    await page.getByLabel("Mot de passe").fill(`${DEMO_PASSWORD}-faux`);
    await page.getByRole("button", { name: "Se connecter" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe("Adresse e-mail ou mot de passe incorrect.");
    await shoot(page, "connexion-refusee");
  });

  it("signs in from the home page, first time, and lands on the programme", async () => {
    const page = await tribune.page();
    await page.goto("/");
    await page.waitForURL(/\/connexion$/);
    await submitLogin(page, "organiser");
    await page.waitForURL(/\/programme$/);
    await page.getByRole("banner").getByText("Démo organiser").waitFor();
    // Signed in, the login page has nothing to offer: it sends back to the app.
    await page.goto("/connexion");
    await page.waitForURL(/\/programme$/);
  });

  it("never sends a signed-in person to another site", async () => {
    const page = await tribune.page();
    await logIn(page, "organiser", "/connexion?retour=%2F%2Fevil.example%2F");
    expect(new URL(page.url()).host).toBe(new URL(tribune.url).host);
  });

  it("lets an organiser in from a deep link, shows who they are, and logs them out", async () => {
    const page = await tribune.page();
    await page.goto("/salles?tri=nom");
    // Anonymous: sent to the login page, which brings them back afterwards, query included.
    await page.waitForURL(/\/connexion\?retour=%2Fsalles%3Ftri%3Dnom$/);
    await shoot(page, "connexion");
    await submitLogin(page, "organiser");
    await page.waitForURL(/\/salles\?tri=nom$/);

    const header = page.getByRole("banner");
    await header.getByText("Démo organiser").waitFor();
    expect(await header.textContent()).toContain("Organisation du congrès");
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    // The congress pages sit in the "Congrès" menu, shown when its button is pressed.
    await nav.getByRole("button", { name: "Congrès" }).click();
    for (const link of [
      "Programme",
      "Salles",
      "Intervenant·es",
      "Partenaires",
      "Journal des modifications",
    ]) {
      expect(await nav.getByRole("link", { name: link, exact: true }).count()).toBe(1);
    }

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/connexion$/);
    await page.goto("/salles");
    await page.waitForURL(/\/connexion\?retour=/);
  });

  it("keeps a member out of the programme", async () => {
    const page = await tribune.page();
    await logIn(page, "member");
    await page.getByRole("heading", { name: "Bienvenue sur Tribune" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    expect(await nav.getByRole("link", { name: "Programme", exact: true }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "Salles" }).count()).toBe(0);

    await page.goto("/programme");
    await page.getByRole("heading", { name: "Accès refusé" }).waitFor();
    await shoot(page, "membre-acces-refuse");
  });
});

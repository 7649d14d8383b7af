import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, query, shoot, useTribune } from "../src/harness";

const tribune = useTribune();

async function organiserOn(path: string, options?: Parameters<typeof tribune.page>[0]) {
  const page = await tribune.page(options);
  await logIn(page, "organiser", `/connexion?retour=${encodeURIComponent(path)}`);
  await page.waitForURL((url) => url.pathname === path);
  return page;
}

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el && "labels" in el
      ? (el as HTMLInputElement).labels?.[0]?.textContent
      : el?.textContent;
  });

describe("rooms", () => {
  it("creates a room through the page, with French field errors first", async () => {
    const page = await organiserOn("/salles");
    await page.getByRole("row", { name: /Amphi Romanée Conti/ }).waitFor();
    await shoot(page, "salles-liste");

    // Keyboard: the add button opens the form with the focus on its first field.
    await page.getByRole("button", { name: "Ajouter une salle" }).focus();
    await page.keyboard.press("Enter");
    const editor = page.getByRole("region", { name: "Nouvelle salle" });
    await editor.waitFor();
    expect(await focusedLabel(page)).toBe("Nom");

    await editor.getByLabel("Capacité (places)").fill("-3");
    await editor.getByRole("button", { name: "Enregistrer" }).click();
    await editor.getByText("Le nom de la salle est obligatoire.").waitFor();
    await editor.getByText("La capacité doit être un entier positif.").waitFor();
    await shoot(page, "salles-erreurs");

    await editor.getByLabel("Nom").fill("Salle 5 : Chambertin");
    await editor.getByLabel("Capacité (places)").fill("80");
    await editor.getByRole("checkbox", { name: "vendredi 23 janvier" }).check();
    await editor.getByRole("button", { name: "Enregistrer" }).click();

    await page.getByRole("status").getByText("Salle « Salle 5 : Chambertin » créée.").waitFor();
    const row = page.getByRole("row", { name: /Salle 5 : Chambertin/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("vendredi 23 janvier");
    expect(await row.textContent()).toContain("80 places");
    await shoot(page, "salles-creee");

    await page.getByRole("button", { name: "Modifier Salle 5 : Chambertin" }).click();
    const edit = page.getByRole("region", { name: "Modifier « Salle 5 : Chambertin »" });
    await edit.getByLabel("Capacité (places)").fill("120");
    await edit.getByRole("button", { name: "Enregistrer" }).click();
    await page
      .getByRole("status")
      .getByText("Salle « Salle 5 : Chambertin » enregistrée.")
      .waitFor();
    expect(await row.textContent()).toContain("120 places");
  });

  it("deletes a room sessions use only after 'Supprimer quand même'", async () => {
    const page = await organiserOn("/salles");
    const name = "Salle 4 : Meursault Nuits Corton";
    await page.getByRole("button", { name: `Supprimer ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Supprimer la salle « ${name} » ?` });
    await dialog.waitFor();
    // Escape cancels; nothing is sent.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    await page.getByRole("button", { name: `Supprimer ${name}` }).click();
    await dialog.getByRole("button", { name: "Supprimer", exact: true }).click();
    // The count and every word after it agree: "1 session … cette session", "3 sessions … ces sessions".
    await dialog
      .getByText(/accueille (1 session\. .* cette session|\d+ sessions\. .* ces sessions)\./)
      .waitFor();
    await shoot(page, "salles-suppression-confirmation");
    await dialog.getByRole("button", { name: "Supprimer quand même" }).click();
    await dialog.waitFor({ state: "detached" });
    await page
      .getByRole("status")
      .getByText(/Salle « Salle 4 .* supprimée\. Elle a été retirée de \d+ sessions?\./)
      .waitFor();
    await page.getByRole("row", { name: /Meursault/ }).waitFor({ state: "detached" });
  });
});

describe("speakers", () => {
  it("creates a speaker whose unavailability is Paris time, whatever the browser's zone", async () => {
    // A browser in New York: the form still speaks Paris wall time.
    const page = await organiserOn("/intervenants", { timezoneId: "America/New_York" });
    await page.getByRole("button", { name: "Ajouter un·e intervenant·e" }).click();
    const editor = page.getByRole("region", { name: "Nouvel·le intervenant·e" });
    await editor.getByLabel("Nom").fill("Inès Martin");
    await editor.getByLabel("Affiliation").fill("ISNAR-IMG");
    await editor.getByRole("button", { name: "Ajouter une indisponibilité" }).click();
    const window = editor.getByRole("group", { name: "Indisponibilité 1" });
    await window.getByLabel("Jour").selectOption({ label: "jeudi 22 janvier" });
    await window.getByLabel("De").fill("14:00");
    await window.getByLabel("À").fill("16:00");
    await window.getByLabel("Motif (facultatif)").fill("garde");
    await shoot(page, "intervenants-formulaire");
    await editor.getByRole("button", { name: "Enregistrer" }).click();

    const row = page.getByRole("row", { name: /Inès Martin/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("jeudi 22 janvier, 14:00–16:00 (garde)");
    const speakers = await query<
      { name: string; unavailable: { startsAt: string; endsAt: string }[] }[]
    >(page, "speaker.list");
    const ines = speakers.find((s) => s.name === "Inès Martin");
    expect(ines?.unavailable).toEqual([
      { startsAt: "2026-01-22T13:00:00.000Z", endsAt: "2026-01-22T15:00:00.000Z", reason: "garde" },
    ]);
    await shoot(page, "intervenants-liste");
  });
});

describe("partners", () => {
  it("lists the partners with their kind and adds one", async () => {
    const page = await organiserOn("/partenaires");
    const row = page.getByRole("row", { name: /Groupe Pasteur Mutualité/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("Mutuelle");
    await page.getByRole("button", { name: "Ajouter un partenaire" }).click();
    const editor = page.getByRole("region", { name: "Nouveau partenaire" });
    await editor.getByLabel("Nom").fill("Union régionale des professionnels de santé");
    await editor.getByLabel("Type").selectOption({ label: "Institution" });
    await editor.getByLabel("Site web (facultatif)").fill("urps-bfc.fr");
    await editor.getByRole("button", { name: "Enregistrer" }).click();
    await editor.getByText(/^Adresse web invalide/).waitFor();
    await editor.getByLabel("Site web (facultatif)").fill("https://www.urps-bfc.fr");
    await editor.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("row", { name: /Union régionale/ }).waitFor();
    await shoot(page, "partenaires");
  });
});

describe("journal", () => {
  it("shows who changed what, filters by element and person, and details a change", async () => {
    const page = await organiserOn("/journal");
    // The changes made above, newest first, by the organiser.
    const deletion = page.getByRole("row", { name: /Salle · suppression/ });
    await deletion.waitFor();
    expect(await deletion.textContent()).toContain("organiser@tribune.demo");
    expect(await page.getByRole("row", { name: /Intervenant·e · création/ }).count()).toBe(1);
    const update = page.getByRole("row", { name: /Salle · modification/ });
    expect(await update.textContent()).toMatch(/Capacité :\s*80\s*→\s*devient\s*120/);
    await shoot(page, "journal");

    await page.getByLabel("Élément").selectOption({ label: "Intervenant·e" });
    await page.waitForURL(/entite=speaker/);
    await page
      .getByRole("row", { name: /Salle ·/ })
      .first()
      .waitFor({ state: "detached" });
    await page.getByRole("row", { name: /Inès Martin/ }).waitFor();

    await page.getByLabel("Élément").selectOption({ label: "Tous les éléments" });
    await page.getByLabel("Personne").fill("système");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL(/personne=/);
    // Only the system's entries remain: the demo accounts it created at first start. Counted
    // once the filtered page has drawn its rows, not while it is still loading.
    await page
      .getByRole("row", { name: /Intervenant·e · création/ })
      .waitFor({ state: "detached" });
    const system = page.getByRole("row", { name: /^\S+ \S+ système Compte · création/ });
    await system.first().waitFor();
    expect(await system.count()).toBe(6);

    await page.getByRole("button", { name: "Effacer les filtres" }).click();
    const creation = page.getByRole("row", { name: /Salle · création/ }).first();
    await creation.getByText("Détails").click();
    await creation.getByRole("row", { name: /Jours d'ouverture/ }).waitFor();
    await shoot(page, "journal-details");
  });
});

import { describe, expect, it } from "vitest";
import { logIn, query, shoot, useTribune } from "../src/harness";

const tribune = useTribune();

interface Summary {
  id: string;
  slug: string;
}

describe("surveys", () => {
  it("builds a survey, opens it, takes an answer on the public page and counts it", async () => {
    const page = await tribune.page();
    await logIn(page, "bureau");
    await page.goto("/enquetes/nouvelle");
    await page.getByRole("heading", { level: 1, name: "Nouvelle enquête" }).waitFor();
    await page.getByLabel("Titre", { exact: true }).fill("Enquête flash e2e");
    expect(await page.getByLabel("Identifiant (lien public)").inputValue()).toBe(
      "enquete-flash-e2e",
    );
    await page.getByLabel("Anonymat").selectOption("open_link");
    await page.getByLabel("Seuil de confidentialité").fill("5");

    await page.getByRole("button", { name: "+ Subdivision (profil)" }).click();
    await page.getByLabel("Type de question").selectOption("number");
    await page.getByRole("button", { name: "Ajouter une question" }).click();
    await page.getByLabel("Intitulé de la question").fill("Heures travaillées la semaine dernière");
    await page.getByLabel("Unité").fill("heures");
    await page.getByLabel("Maximum").fill("168");
    await page.getByRole("button", { name: "Voir comme un·e répondant·e" }).click();
    await page.getByRole("group", { name: /Heures travaillées la semaine dernière/ }).waitFor();
    await shoot(page, "enquete-constructeur-apercu");

    await page.getByRole("button", { name: "Créer l'enquête (brouillon)" }).click();
    await page.waitForURL(/\/enquetes\/[0-9a-f-]+\/questionnaire$/);
    await page.getByRole("heading", { name: "Statut : Brouillon" }).waitFor();
    await page.getByRole("button", { name: "Ouvrir la collecte" }).click();
    await page.getByRole("heading", { name: "Statut : Ouverte" }).waitFor();
    await shoot(page, "enquete-constructeur-ouverte");

    const surveys = await query<Summary[]>(page, "survey.list");
    const survey = surveys.find((s) => s.slug === "enquete-flash-e2e");
    if (!survey) throw new Error("the new survey is not listed");
    await page.goto(`/enquetes/${survey.id}/collecte`);
    const total = page.getByTestId("collection-total");
    await total.waitFor();
    expect(await total.textContent()).toBe("0");

    // A respondent, without any account, on a phone.
    const respondent = await tribune.page({ viewport: { width: 390, height: 844 } });
    await respondent.goto("/public/enquete/enquete-flash-e2e");
    await respondent.getByRole("radio", { name: "Lille" }).check();
    await respondent.getByRole("spinbutton").fill("62");
    await shoot(respondent, "enquete-publique-reponse");
    // Progress stays on the device: a reload keeps the answers given so far.
    await respondent.reload();
    expect(await respondent.getByRole("radio", { name: "Lille" }).isChecked()).toBe(true);
    await respondent.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await respondent.getByRole("heading", { name: "Merci pour votre réponse !" }).waitFor();

    // Answers enter the results in mixed batches of the threshold (5), never one by one: four
    // more respondents, each on a device of their own.
    for (const [n, city] of ["Nantes", "Nantes", "Nantes", "Nantes"].entries()) {
      expect(await page.getByTestId("collection-total").textContent()).toBe("0");
      const next = await tribune.page({ viewport: { width: 390, height: 844 } });
      await next.goto("/public/enquete/enquete-flash-e2e");
      await next.getByRole("radio", { name: city }).check();
      await next.getByRole("spinbutton").fill(String(50 + n));
      await next.getByRole("button", { name: "Envoyer mes réponses" }).click();
      await next.getByRole("heading", { name: "Merci pour votre réponse !" }).waitFor();
    }

    // No reload: the collection page follows the answers live, the whole batch at once.
    await page.getByTestId("collection-total").filter({ hasText: /^5$/ }).waitFor();
    // One answer from Lille is under the threshold: its count is masked.
    await page.getByRole("row", { name: /Lille masqué/ }).waitFor();
    await shoot(page, "enquete-collecte");
  });

  it("shows results with charts and suppression, the import check and the key figures editor", async () => {
    const page = await tribune.page();
    await logIn(page, "bureau");
    const surveys = await query<Summary[]>(page, "survey.list");
    const tt = surveys.find((s) => s.slug === "temps-de-travail-2024");
    if (!tt) throw new Error("the seeded working-time survey is missing");

    await page.goto(`/enquetes/${tt.id}`);
    await page.getByLabel("Ventiler par").selectOption("subdivision");
    await page.getByRole("row", { name: /Paris \(Île-de-France\) 175 moyenne/ }).waitFor();
    await page.locator(".recharts-wrapper").first().waitFor();
    await shoot(page, "enquete-resultats");
    // The 10th-year survey asked 3rd and 4th years only: nobody in years 1 and 2 answered, and
    // an empty group is no secret — it reads 0, not « masqué ».
    const dix = surveys.find((s) => s.slug === "dixieme-annee-mg");
    await page.goto(`/enquetes/${dix?.id}`);
    await page.getByLabel("Ventiler par").selectOption("annee");
    await page.getByRole("row", { name: /^1re année 0\b/ }).waitFor();
    await shoot(page, "enquete-resultats-masques");

    await page.goto(`/enquetes/${tt.id}/import`);
    await page.getByLabel("Fichier CSV").setInputFiles({
      name: "limesurvey.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "id;submitdate;subdivision;annee;heures_semaine\n1;2024-03-02;lille;2;60\n2;2024-03-02;atlantide;2;500\n",
      ),
    });
    await page.getByRole("table", { name: "Lignes en erreur" }).waitFor();
    expect(await page.getByRole("button", { name: /^Importer/ }).isDisabled()).toBe(true);
    await shoot(page, "enquete-import-verification");

    await page.goto("/enquetes/chiffres-cles");
    await page.getByRole("row", { name: /59 heures par semaine en moyenne/ }).waitFor();
    await page
      .getByRole("row", { name: /tt-moyenne/ })
      .getByRole("button", { name: "Modifier" })
      .click();
    await page.getByLabel("Statistique").selectOption("median");
    await page
      .locator("form")
      .getByTestId("key-figure-sentence")
      .filter({ hasNotText: "59 heures" })
      .waitFor();
    await shoot(page, "enquete-chiffres-cles");
  });
});

/**
 * The public pages on a 390 px phone, as a visitor meets them (issue 17): the programme's day
 * tabs stay in view, search and filters narrow it, a register button and no JSON link; the
 * registration form says how personal data is used; a Likert scale stays on one row; an
 * open-link survey answered here says so on reload; a missing survey has the union's header
 * and a way back.
 */
import { describe, expect, it } from "vitest";
import { logIn, mutate, shoot } from "../src/harness";
import { usePatientTribune } from "../src/patient";

const tribune = usePatientTribune();
const PHONE = { viewport: { width: 390, height: 844 } };

describe("public pages on a phone", () => {
  it("keeps the day tabs in view, searches and filters, offers to register, hides the JSON", async () => {
    const page = await tribune.page(PHONE);
    await page.goto("/public/programme");
    await page.getByRole("heading", { level: 2, name: "Jeudi 22 janvier" }).waitFor();
    expect(await page.getByText("au format JSON").count()).toBe(0);
    expect(await page.getByText("Tout le lieu").count()).toBe(0);
    const register = page.getByRole("link", { name: "S'inscrire au congrès" });
    expect(await register.getAttribute("href")).toBe("/public/inscription");

    await page.mouse.wheel(0, 3000);
    const tabs = page.getByRole("navigation", { name: "Jours du programme" });
    await page.waitForFunction(() => window.scrollY > 2000);
    const box = await tabs.boundingBox();
    expect(box?.y).toBeLessThanOrEqual(1);
    await shoot(page, "public-programme-telephone-defile");

    await page.getByLabel("Rechercher une session").fill("decoloniser");
    await page.getByText("1 session correspond").waitFor();
    await page.getByRole("button", { name: "Effacer la recherche" }).click();
    await page.getByLabel("Type").selectOption({ label: "Atelier" });
    const kinds = await page.locator(".entry__kind").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds.map((k) => k.toLowerCase()))).toEqual(new Set(["atelier"]));
    await page.getByLabel("Type").selectOption({ label: "Tous les types" });
    await page.getByLabel("Espace").selectOption({ label: "Tous les espaces" });
    // No card is wider than the screen.
    const rights = await page
      .locator(".entry")
      .evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().right));
    const widest = Math.max(...rights);
    expect(widest).toBeLessThanOrEqual(390);
  });

  it("tells how personal data is used on the registration form, with the union's header", async () => {
    const page = await tribune.page(PHONE);
    await page.goto("/public/inscription");
    await page.getByRole("button", { name: "M'inscrire" }).waitFor();
    expect(await page.getByText("ISNAR-IMG", { exact: true }).first().isVisible()).toBe(true);
    await page.getByText(/Vos données servent uniquement à organiser votre venue/).click();
    for (const term of [
      "Responsable du traitement",
      "Finalité",
      "Durée de conservation",
      "Vos droits",
    ])
      expect(await page.getByText(term, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(/Repas du midi \(.*2026\)/).isVisible()).toBe(true);
    await shoot(page, "public-inscription-telephone-rgpd");
  });

  it("keeps a Likert scale on one row and remembers an open-link answer from this browser", async () => {
    const bureau = await tribune.page();
    await logIn(bureau, "bureau");
    const survey = await mutate<{ id: string }>(bureau, "survey.create", {
      slug: "ressenti-telephone",
      title: "Votre ressenti sur le congrès",
      year: 2026,
      opensOn: null,
      closesOn: null,
      anonymity: "open_link",
      questions: [
        { id: "note", type: "likert", label: "Le congrès vous a-t-il plu ?", required: true },
        { id: "dix", type: "likert", label: "Sur dix ?", required: false, points: 10 },
      ],
    });
    await mutate(bureau, "survey.setStatus", { id: survey.id, status: "open" });

    const page = await tribune.page(PHONE);
    await page.goto("/public/enquete/ressenti-telephone");
    const scale = page.getByRole("group", { name: /Sur dix/ }).getByRole("radio");
    await scale.first().waitFor();
    const tops = new Set<number>();
    for (const radio of await scale.all())
      tops.add(Math.round((await radio.boundingBox())?.y ?? -1));
    expect(tops.size).toBe(1);
    await shoot(page, "public-enquete-telephone-likert");

    await page
      .getByRole("group", { name: /Le congrès vous a-t-il plu/ })
      .getByText("4")
      .click();
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.getByText("Merci pour votre réponse !").waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Vous avez déjà répondu à cette enquête" }).waitFor();
    expect(await page.getByRole("button", { name: "Envoyer mes réponses" }).count()).toBe(0);
  });

  it("shows a missing survey inside the union's page, with a way back to the programme", async () => {
    const page = await tribune.page(PHONE);
    await page.goto("/public/enquete/enquete-inconnue");
    await page.getByRole("heading", { name: /Enquête introuvable/ }).waitFor();
    expect(await page.getByText("ISNAR-IMG", { exact: true }).first().isVisible()).toBe(true);
    await page.getByRole("link", { name: "Retour au programme du congrès" }).click();
    await page.waitForURL(/\/public\/programme$/);
    await shoot(page, "public-enquete-introuvable");
  });
});

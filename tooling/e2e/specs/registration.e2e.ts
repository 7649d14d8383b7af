import { generateSyntheticRegistrations, referenceSubdivisions } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import { EDITION, fillRegistration } from "../src/congress";
import { logIn, mutate, query, shoot } from "../src/harness";
import { arrivedFor, useTribuneWithMail } from "../src/smtp";

// The server sends its e-mail to a real SMTP server in this process (issue 15).
const { tribune, smtp } = useTribuneWithMail();

interface Receipt {
  code: string;
  status: string;
  firstName: string;
  lastName: string;
}

describe("public registration", () => {
  it("shows French field errors, then sends the code and its QR code by e-mail; the same address again is told nothing", async () => {
    const page = await tribune.page({ viewport: { width: 820, height: 1180 } });
    await page.goto("/public/inscription");
    await page.getByRole("heading", { name: "Inscription au congrès" }).waitFor();

    await page.getByRole("button", { name: "M'inscrire" }).click();
    await page.getByText("Adresse e-mail invalide.").waitFor();
    await page.getByText("Choisissez votre subdivision.").waitFor();
    await shoot(page, "inscription-publique-erreurs");

    await fillRegistration(page, {
      firstName: "Lison",
      lastName: "Ferrand",
      email: "lison.ferrand@exemple.fr",
      subdivision: "Saint-Étienne",
    });
    await page.getByLabel("Année de DES (facultatif)").selectOption({ label: "1re année" });
    await page.getByRole("checkbox", { name: /Soirée de gala \(jeudi/ }).check();
    await shoot(page, "inscription-publique");
    await page.getByRole("button", { name: "M'inscrire" }).click();

    // The page says only that a message is on its way; the message has the code and its QR.
    const receipt = page.getByRole("region", { name: /Merci Lison, vérifiez votre boîte/ });
    await receipt.waitFor();
    await receipt.getByText("lison.ferrand@exemple.fr").waitFor();
    expect(await receipt.getByRole("img").count()).toBe(0);
    await shoot(page, "inscription-confirmee");
    const confirmation = await arrivedFor(
      smtp,
      "lison.ferrand@exemple.fr",
      /votre inscription est confirmée/,
    );
    const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(confirmation.text ?? "")?.[1] ?? "";
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const qr = confirmation.attachments.find((a) => a.contentType === "image/png");
    expect(qr?.cid).toBeTruthy();
    expect(confirmation.attachments.map((a) => a.filename)).toContain("congres.ics");

    // The same address again: the same answer on the page (nothing said about the address);
    // its owner gets the code again by e-mail.
    await page.getByRole("button", { name: "Inscrire une autre personne" }).click();
    await fillRegistration(page, {
      firstName: "Lison",
      lastName: "Ferrand",
      email: "Lison.Ferrand@exemple.fr",
      subdivision: "Saint-Étienne",
    });
    await page.getByRole("button", { name: "M'inscrire" }).click();
    await page.getByRole("region", { name: /Merci Lison, vérifiez votre boîte/ }).waitFor();
    expect(await page.getByText(/existe déjà/).count()).toBe(0);
    const reminder = await arrivedFor(smtp, "lison.ferrand@exemple.fr", /déjà inscrit·e/);
    expect(reminder.text).toContain(code);
  });
});

describe("check-in desk", () => {
  it("checks an attendee in with one tap and the live counter moves", async () => {
    const page = await tribune.page({ viewport: { width: 1180, height: 820 } });
    // Sixty synthetic attendees, registered by hand by the organiser (the public form is
    // rate-limited per address: sixty from one machine would look like an attack).
    await logIn(page, "organiser");
    const slugToId = new Map(referenceSubdivisions().map((s) => [s.slug, s.id]));
    const people = generateSyntheticRegistrations(60, 7);
    const receipts: Receipt[] = [];
    for (const p of people) {
      receipts.push(
        await mutate<Receipt>(page, "registration.create", {
          editionId: EDITION,
          firstName: p.firstName,
          lastName: p.lastName,
          email: p.email,
          subdivisionId: slugToId.get(p.subdivisionSlug),
          yearOfTraining: p.yearOfTraining,
          meals: p.meals,
          gala: p.gala,
        }),
      );
    }
    await page.goto("/accueil");
    // A few arrivals already, by code, as a QR scanner types it.
    const search = page.getByLabel("Nom, e-mail ou code d'inscription");
    for (const r of receipts.slice(0, 12)) {
      await search.fill(r.code);
      await search.press("Enter");
      await page.getByText(`Bienvenue, ${r.firstName} ${r.lastName} !`).waitFor();
    }
    const counter = page.getByTestId("arrived-count");
    await page.waitForFunction(
      () => document.querySelector('[data-testid="arrived-count"]')?.textContent === "12",
    );

    const target = people[20];
    if (!target) throw new Error("no attendee");
    await search.fill(target.lastName);
    const person = page.getByRole("button", {
      name: new RegExp(`${target.firstName} ${target.lastName}.*Enregistrer l'arrivée`),
    });
    await person.first().waitFor();
    await shoot(page, "accueil-recherche");
    await person.first().click();
    await page
      .getByText(`Bienvenue, ${target.firstName} ${target.lastName} !`, { exact: false })
      .waitFor();
    // The counter moves through the live subscription (SSE), not a reload.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="arrived-count"]')?.textContent === "13",
    );
    expect(await counter.textContent()).toBe("13");
    await shoot(page, "accueil-arrivee");

    // The same person again: already checked in, and when.
    await search.fill(target.email);
    await page
      .getByRole("button", {
        name: new RegExp(`${target.firstName} ${target.lastName}.*Arrivé·e à`),
      })
      .waitFor();
    const code = receipts[20]?.code ?? "";
    await search.fill(code);
    await search.press("Enter");
    await page.getByText(/déjà enregistré·e à \d\d:\d\d\./).waitFor();
    await shoot(page, "accueil-deja-enregistre");
    const counts = await query<{ totals: { checkedIn: number } }>(page, "registration.counts", {
      editionId: EDITION,
    });
    expect(counts.totals.checkedIn).toBe(13);
  });
});

import { referenceSubdivision } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import { EDITION, fillRegistration, openWorkshop, WORKSHOP } from "../src/congress";
import { logIn, mutate, query, shoot } from "../src/harness";
import { arrivedFor, useTribuneWithMail } from "../src/smtp";

// Every message goes to a real SMTP server in this process (issue 15).
const { tribune, smtp } = useTribuneWithMail();

interface Registration {
  id: string;
  code: string;
  email: string;
  status: string;
}

describe("the attendee's space", () => {
  it("an intern registers, opens their space with code and e-mail, joins a workshop, then cancels", async () => {
    // The organiser gives the workshop its places.
    const desk = await tribune.page();
    await logIn(desk, "organiser", "/connexion?retour=%2Finscriptions");
    const workshopId = await openWorkshop(desk, 10);

    // An intern registers on the public page, on a phone.
    const intern = await tribune.page({ viewport: { width: 390, height: 844 } });
    await intern.goto("/public/inscription");
    await fillRegistration(intern, {
      firstName: "Yanis",
      lastName: "Espace",
      email: "yanis.espace@exemple.fr",
      subdivision: "Rennes",
    });
    await intern.getByRole("button", { name: "M'inscrire" }).click();
    await intern.getByRole("heading", { name: /vérifiez votre boîte de réception/ }).waitFor();

    // The code travels by e-mail: read it as the organisers see it.
    const page = await query<{ items: Registration[] }>(desk, "registration.list", {
      editionId: EDITION,
      search: "yanis.espace@exemple.fr",
    });
    const registration = page.items[0];
    if (!registration) throw new Error("registration not found");

    // The space, opened with the code (as typed from a phone) and the address.
    await intern.goto("/public/mon-inscription");
    await intern.getByLabel(/Code d'inscription/).fill(registration.code.toLowerCase());
    await intern.getByLabel("Adresse e-mail").fill("Yanis.Espace@exemple.fr");
    await intern.getByRole("button", { name: "Ouvrir mon espace" }).click();
    await intern.getByRole("heading", { name: "Votre inscription" }).waitFor();
    expect(intern.url()).toContain("jeton=");
    await intern.getByText(registration.code, { exact: true }).waitFor();
    await intern.getByRole("link", { name: "Télécharger mon badge (PDF)" }).waitFor();

    // A workshop, from the space.
    const workshops = intern.getByRole("region", { name: "Ateliers et boîtes à outils" });
    await workshops.getByRole("button", { name: `S'inscrire à ${WORKSHOP}` }).click();
    await workshops.getByText("Place confirmée", { exact: true }).waitFor();
    await shoot(intern, "espace-inscrit-atelier");

    // Cancel, confirmed.
    await intern.getByRole("button", { name: "Annuler mon inscription…" }).click();
    await intern.getByRole("button", { name: "Oui, annuler mon inscription" }).click();
    await intern.getByText("Annulée", { exact: true }).waitFor();
    await shoot(intern, "espace-annule");

    const after = await query<{ items: Registration[] }>(desk, "registration.list", {
      editionId: EDITION,
      search: "yanis.espace@exemple.fr",
    });
    expect(after.items[0]?.status).toBe("cancelled");
    const list = await query<{ items: { code: string; status: string }[] }>(desk, "signup.list", {
      sessionId: workshopId,
    });
    expect(list.items.find((i) => i.code === registration.code)?.status).toBe("cancelled");
  });
});

describe("from the e-mail to the next person waiting", () => {
  it("the confirmation's link opens the space; a workshop taken there and given back goes to the first person waiting, who is told", async () => {
    // A workshop with one place.
    const desk = await tribune.page();
    await logIn(desk, "organiser", "/connexion?retour=%2Finscriptions");
    const workshopId = await openWorkshop(desk, 1);

    // An intern registers on a phone; the confirmation arrives with the code and its QR code.
    const intern = await tribune.page({ viewport: { width: 390, height: 844 } });
    await intern.goto("/public/inscription");
    await fillRegistration(intern, {
      firstName: "Inès",
      lastName: "Chaîne",
      email: "ines.chaine@exemple.fr",
      subdivision: "Tours",
    });
    await intern.getByRole("button", { name: "M'inscrire" }).click();
    const confirmation = await arrivedFor(smtp, "ines.chaine@exemple.fr", /confirmée/);
    const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(confirmation.text ?? "")?.[1];
    expect(code).toBeTruthy();
    const qr = confirmation.attachments.find((a) => a.contentType === "image/png");
    expect(qr?.content.subarray(1, 4).toString()).toBe("PNG");
    // mailparser inlines the image its cid points to: the QR code shows in the message itself.
    expect(confirmation.html).toMatch(/<img alt="QR code[^"]*"[^>]* src="data:image\/png;base64,/);

    // Its link opens the space, no code to type.
    const link = /https?:\/\/[^\s\]]+\/public\/mon-inscription\?[^\s\])>]+/.exec(
      confirmation.text ?? "",
    )?.[0];
    if (!link) throw new Error(`no link to the space in: ${confirmation.text}`);
    const url = new URL(link);
    await intern.goto(`${url.pathname}${url.search}`);
    await intern.getByRole("heading", { name: "Votre inscription" }).waitFor();
    await intern.getByText(code ?? "", { exact: true }).waitFor();

    // The only place, taken from the space; the e-mail says so.
    const workshops = intern.getByRole("region", { name: "Ateliers et boîtes à outils" });
    await workshops.getByRole("button", { name: `S'inscrire à ${WORKSHOP}` }).click();
    await workshops.getByText("Place confirmée", { exact: true }).waitFor();
    await arrivedFor(smtp, "ines.chaine@exemple.fr", /votre place est réservée/);

    // Someone else, registered at the desk, waits for it.
    const waiting = await mutate<Registration>(desk, "registration.create", {
      editionId: EDITION,
      firstName: "Basile",
      lastName: "Attente",
      email: "basile.attente@exemple.fr",
      subdivisionId: referenceSubdivision("lille").id,
    });
    await mutate(desk, "signup.add", { registrationId: waiting.id, sessionId: workshopId });
    await arrivedFor(smtp, "basile.attente@exemple.fr", /liste d'attente \(position 1\)/);

    // The intern cancels the whole registration: the workshop's place goes to Basile, by e-mail.
    await intern.getByRole("button", { name: "Annuler mon inscription…" }).click();
    await intern.getByRole("button", { name: "Oui, annuler mon inscription" }).click();
    await intern.getByText("Annulée", { exact: true }).waitFor();
    await arrivedFor(smtp, "ines.chaine@exemple.fr", /inscription est annulée/);
    const promotion = await arrivedFor(smtp, "basile.attente@exemple.fr", /place s'est libérée/);
    expect(promotion.text).toContain(WORKSHOP);
    const list = await query<{ items: { code: string; status: string }[] }>(desk, "signup.list", {
      sessionId: workshopId,
    });
    expect(list.items.find((i) => i.code === waiting.code)?.status).toBe("registered");
  });
});

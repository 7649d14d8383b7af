import { describe, expect, it } from "vitest";
import { logIn, mutate, query, shoot, useTribune } from "../src/harness";

const tribune = useTribune();
const EDITION = "00000001-0000-4000-8000-00000000001a";
const WORKSHOP = "1,2,3 rempla";

interface Places {
  sessionId: string;
  title: string;
}
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
    const overview = await query<Places[]>(desk, "signup.overview", { editionId: EDITION });
    const workshop = overview.find((s) => s.title === WORKSHOP);
    if (!workshop) throw new Error(`no workshop « ${WORKSHOP} »`);
    await mutate(desk, "signup.setCapacity", { sessionId: workshop.sessionId, capacity: 10 });

    // An intern registers on the public page, on a phone.
    const intern = await tribune.page({ viewport: { width: 390, height: 844 } });
    await intern.goto("/public/inscription");
    await intern.getByLabel("Prénom").fill("Yanis");
    await intern.getByLabel("Nom", { exact: true }).fill("Espace");
    await intern.getByLabel("Adresse e-mail").fill("yanis.espace@exemple.fr");
    await intern.getByLabel("Subdivision").selectOption({ label: "Rennes" });
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
      sessionId: workshop.sessionId,
    });
    expect(list.items.find((i) => i.code === registration.code)?.status).toBe("cancelled");
  });
});

import { referenceSubdivision } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import { EDITION, fillRegistration, openWorkshop, WORKSHOP } from "../src/congress";
import { logIn, mutate, query, shoot } from "../src/harness";
import { arrivedFor, useTribuneWithMail } from "../src/smtp";

// The code arrives by e-mail (issue 15), at a real SMTP server in this process.
const { tribune, smtp } = useTribuneWithMail();

interface Registration {
  id: string;
  code: string;
}

describe("workshop sign-up", () => {
  it("an attendee joins a workshop with the code from the e-mail; the organiser sees them, adds someone by hand", async () => {
    // The organiser opens the workshop: 2 places.
    const desk = await tribune.page({ viewport: { width: 1280, height: 900 } });
    await logIn(desk, "organiser", "/connexion?retour=%2Finscriptions");
    const workshopId = await openWorkshop(desk, 2);

    // An intern registers for the congress, then for the workshop, on the same page.
    const intern = await tribune.page({ viewport: { width: 820, height: 1180 } });
    await intern.goto("/public/inscription");
    await fillRegistration(intern, {
      firstName: "Maëlle",
      lastName: "Guérin",
      email: "maelle.guerin@exemple.fr",
      subdivision: "Rennes",
    });
    await intern.getByRole("button", { name: "M'inscrire" }).click();
    await intern.getByRole("region", { name: /vérifiez votre boîte de réception/ }).waitFor();
    const confirmation = await arrivedFor(smtp, "maelle.guerin@exemple.fr", /confirmée/);
    const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(confirmation.text ?? "")?.[1] ?? "";
    await intern.getByText("M'inscrire aux ateliers avec mon code").click();
    await intern.getByLabel("Code d'inscription (dans l'e-mail de confirmation)").fill(code);
    await intern.getByRole("button", { name: "Voir les ateliers" }).click();
    const workshops = intern.getByRole("region", { name: "Ateliers et boîtes à outils" });
    await workshops.getByRole("button", { name: `S'inscrire à ${WORKSHOP}` }).click();
    await workshops.getByRole("button", { name: `Se désinscrire de ${WORKSHOP}` }).waitFor();
    await workshops.getByText("Place confirmée", { exact: true }).waitFor();
    await shoot(intern, "atelier-inscription-publique");

    // Someone registered at the desk, signed up by hand by the organiser.
    const byHand = await mutate<Registration>(desk, "registration.create", {
      editionId: EDITION,
      firstName: "Octave",
      lastName: "Lemaire",
      email: "octave.lemaire@exemple.fr",
      subdivisionId: referenceSubdivision("lille").id,
    });

    await desk.goto("/inscriptions");
    // The places panel opens with the page: the places are what organisers come for.
    await desk.getByRole("button", { name: `Voir les inscrits de ${WORKSHOP}` }).click();
    const panel = desk.getByRole("region", { name: `Inscrits à ${WORKSHOP}` });
    await panel.getByRole("cell", { name: "Maëlle Guérin", exact: true }).waitFor();
    await panel.getByRole("button", { name: "Ajouter à la main" }).click();
    await panel.getByLabel(/Personne à inscrire/).fill("Lemaire");
    await panel
      .getByRole("list", { name: "Personnes trouvées" })
      .getByRole("button", { name: "Inscrire Octave Lemaire" })
      .click();
    await desk.getByText(`Octave Lemaire inscrit·e à « ${WORKSHOP} » : place confirmée.`).waitFor();
    await panel.getByRole("cell", { name: "Octave Lemaire", exact: true }).waitFor();
    await shoot(desk, "atelier-panneau-inscrits");

    const list = await query<{ places: { confirmed: number }; items: { code: string }[] }>(
      desk,
      "signup.list",
      { sessionId: workshopId },
    );
    expect(list.places.confirmed).toBe(2);
    expect(list.items.map((i) => i.code)).toContain(byHand.code);
  });
});

import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoEmail, logIn, mutate, query, shoot } from "../src/harness";
import { arrivedFor, useTribuneWithMail } from "../src/smtp";

// The links of staff accounts (issue 15) travel by e-mail to a real SMTP server in this process.
const { tribune, smtp } = useTribuneWithMail();

const NEW_PASSWORD = "cheval agrafe pile correcte";
const SAME_ANSWER = /Si un compte actif correspond à cette adresse/;

/** The path and query of the first link to `page` in a message's plain text. */
function linkIn(text: string | undefined, page: string): string {
  const found = new RegExp(`https?://[^\\s\\]]+${page}\\?jeton=[A-Za-z0-9_-]{43}`).exec(text ?? "");
  if (!found) throw new Error(`no link to ${page} in: ${text}`);
  const url = new URL(found[0]);
  return `${url.pathname}${url.search}`;
}

async function choosePassword(page: Awaited<ReturnType<typeof tribune.page>>, button: string) {
  await page.getByLabel("Mot de passe", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: button }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

describe("staff account links", () => {
  it("a forgotten password: the link arrives by e-mail, sets a new password and signs in; it works once", async () => {
    const email = demoEmail("organiser");
    const page = await tribune.page();
    await page.goto("/connexion");
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await page.getByRole("heading", { name: "Mot de passe oublié" }).waitFor();
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await page.getByText(SAME_ANSWER).waitFor();

    // An unknown address gets the very same words.
    const stranger = await tribune.page();
    await stranger.goto("/connexion/mot-de-passe-oublie");
    await stranger.getByLabel("Adresse e-mail").fill("personne@exemple.fr");
    await stranger.getByRole("button", { name: "Recevoir un lien" }).click();
    await stranger.getByText(SAME_ANSWER).waitFor();

    const message = await arrivedFor(smtp, email, /nouveau mot de passe/);
    const link = linkIn(message.text, "/connexion/nouveau-mot-de-passe");
    const reader = await tribune.page();
    await reader.goto(link);
    await reader.getByRole("heading", { name: "Nouveau mot de passe" }).waitFor();
    await shoot(reader, "account-links-new-password");
    await choosePassword(reader, "Enregistrer et me connecter");
    const me = await query<{ email: string; role: string } | null>(reader, "auth.me");
    expect(me).toMatchObject({ email, role: "organiser" });

    // The old password no longer opens the account; the new one does.
    const other = await tribune.page();
    await expect(mutate(other, "auth.login", { email, password: DEMO_PASSWORD })).rejects.toThrow(
      "Adresse e-mail ou mot de passe incorrect.",
    );
    await mutate(other, "auth.login", { email, password: NEW_PASSWORD });

    // The link is spent.
    const again = await tribune.page();
    await again.goto(link);
    await again.getByLabel("Mot de passe", { exact: true }).fill("une toute autre phrase longue");
    await again.getByLabel("Confirmation du mot de passe").fill("une toute autre phrase longue");
    await again.getByRole("button", { name: "Enregistrer et me connecter" }).click();
    await again.getByText(/Ce lien n'est pas ou plus valable/).waitFor();
  });

  it("an admin invites a person, who chooses a password from the message and is signed in", async () => {
    const invited = "camille.invitee@exemple.fr";
    const admin = await tribune.page();
    await logIn(admin, "admin", "/connexion?retour=%2Fcomptes");
    await admin.getByRole("heading", { name: "Comptes" }).waitFor();
    const form = admin.getByRole("form", { name: "Inviter une personne" });
    await form.getByLabel("Adresse e-mail").fill(invited);
    await form.getByLabel("Nom affiché").fill("Camille");
    await form.getByLabel("Rôle").selectOption({ label: "Presse" });
    await form.getByRole("button", { name: "Inviter" }).click();
    await admin.getByText(`Invitation envoyée à ${invited}`).waitFor();
    await admin.getByText("Invitation en attente").waitFor();
    await shoot(admin, "account-links-accounts");

    const message = await arrivedFor(smtp, invited, /votre compte vous attend/);
    const person = await tribune.page();
    await person.goto(linkIn(message.text, "/connexion/invitation"));
    await person.getByRole("heading", { name: "Bienvenue sur Tribune" }).waitFor();
    await choosePassword(person, "Choisir mon mot de passe et me connecter");
    const me = await query<{ email: string; role: string } | null>(person, "auth.me");
    expect(me).toMatchObject({ email: invited, role: "press" });

    // The admin gives the person another role: their open session acts with it at once.
    await admin.reload();
    const row = admin.getByRole("row").filter({ hasText: invited });
    await row.getByRole("button", { name: /^Changer le rôle/ }).click();
    const dialog = admin.getByRole("dialog", { name: `Rôle de ${invited}` });
    await dialog.getByLabel("Nouveau rôle").selectOption({ label: "Organisation du congrès" });
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await admin.getByText(`${invited} : rôle changé`).waitFor();
    expect(await query<{ role: string } | null>(person, "auth.me")).toMatchObject({
      role: "organiser",
    });

    // Disabled (confirmed): the person's session ends; enabled again, they sign in again.
    await row.getByRole("button", { name: /^Désactiver/ }).click();
    await admin
      .getByRole("dialog", { name: `Désactiver le compte de ${invited} ?` })
      .getByRole("button", { name: "Désactiver" })
      .click();
    await admin.getByText(`Compte de ${invited} désactivé`).waitFor();
    await row.getByText("Désactivé").waitFor();
    expect(await query(person, "auth.me")).toBeNull();
    await row.getByRole("button", { name: /^Réactiver/ }).click();
    await admin.getByText(`Compte de ${invited} réactivé.`).waitFor();
    await mutate(person, "auth.login", { email: invited, password: NEW_PASSWORD });
    expect(await query<{ role: string } | null>(person, "auth.me")).toMatchObject({
      role: "organiser",
    });
  });
});

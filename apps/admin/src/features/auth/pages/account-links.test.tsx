import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiRefusal, renderWithApi, uuid } from "../../../testing/api";
import AccountsPage from "./AccountsPage";
import ForgotPasswordPage from "./ForgotPasswordPage";
import NewPasswordPage from "./NewPasswordPage";

const SAME_ANSWER = "Si un compte actif correspond à cette adresse, un courriel vient de partir.";
const TOKEN = "a".repeat(43);
const ME = {
  id: uuid(9),
  email: "camille@tribune.test",
  displayName: "Camille",
  role: "organiser",
  subdivisionId: null,
};

describe("ForgotPasswordPage", () => {
  it("sends the address and shows the server's one answer", async () => {
    const { user, callsTo } = renderWithApi(<ForgotPasswordPage />, {
      handlers: { "auth.requestPasswordReset": () => ({ message: SAME_ANSWER }) },
    });
    await user.type(await screen.findByLabelText("Adresse e-mail"), "camille@tribune.test");
    await user.click(screen.getByRole("button", { name: "Recevoir un lien" }));
    expect(await screen.findByText(SAME_ANSWER)).toBeTruthy();
    expect(callsTo("auth.requestPasswordReset")[0]?.input).toEqual({
      email: "camille@tribune.test",
    });
  });
});

describe("NewPasswordPage", () => {
  it("refuses two different passwords before sending anything", async () => {
    const { user, callsTo } = renderWithApi(<NewPasswordPage purpose="password_reset" />, {
      handlers: {},
      route: `/connexion/nouveau-mot-de-passe?jeton=${TOKEN}`,
    });
    await user.type(await screen.findByLabelText("Mot de passe"), "cheval agrafe pile correcte");
    await user.type(screen.getByLabelText("Confirmation du mot de passe"), "autre chose encore");
    await user.click(screen.getByRole("button", { name: "Enregistrer et me connecter" }));
    expect(await screen.findByText("Les deux mots de passe ne sont pas identiques.")).toBeTruthy();
    expect(callsTo("auth.resetPassword")).toHaveLength(0);
  });

  it("sends the link's token with the password, and shows the server's refusal of the link", async () => {
    const { user, callsTo } = renderWithApi(<NewPasswordPage purpose="password_reset" />, {
      handlers: {
        "auth.resetPassword": () => {
          throw new ApiRefusal("invalid", "Ce lien n'est pas ou plus valable.");
        },
      },
      route: `/connexion/nouveau-mot-de-passe?jeton=${TOKEN}`,
    });
    await user.type(await screen.findByLabelText("Mot de passe"), "cheval agrafe pile correcte");
    await user.type(
      screen.getByLabelText("Confirmation du mot de passe"),
      "cheval agrafe pile correcte",
    );
    await user.click(screen.getByRole("button", { name: "Enregistrer et me connecter" }));
    expect(await screen.findByText("Ce lien n'est pas ou plus valable.")).toBeTruthy();
    expect(callsTo("auth.resetPassword")[0]?.input).toEqual({
      token: TOKEN,
      password: "cheval agrafe pile correcte",
    });
  });

  it("accepts an invitation with its own words and procedure", async () => {
    const { user, callsTo } = renderWithApi(<NewPasswordPage purpose="invitation" />, {
      handlers: { "auth.acceptInvitation": () => ME },
      route: `/connexion/invitation?jeton=${TOKEN}`,
    });
    expect(await screen.findByRole("heading", { name: "Bienvenue sur Tribune" })).toBeTruthy();
    await user.type(screen.getByLabelText("Mot de passe"), "cheval agrafe pile correcte");
    await user.type(
      screen.getByLabelText("Confirmation du mot de passe"),
      "cheval agrafe pile correcte",
    );
    await user.click(
      screen.getByRole("button", { name: "Choisir mon mot de passe et me connecter" }),
    );
    await expect.poll(() => callsTo("auth.acceptInvitation").length).toBe(1);
  });

  it("says a link without its token is incomplete", async () => {
    renderWithApi(<NewPasswordPage purpose="password_reset" />, {
      handlers: {},
      route: "/connexion/nouveau-mot-de-passe",
    });
    expect(await screen.findByText(/Ce lien est incomplet/)).toBeTruthy();
    expect(screen.queryByLabelText("Mot de passe")).toBeNull();
  });
});

describe("AccountsPage", () => {
  const account = (n: number, invitationPending: boolean) => ({
    id: uuid(n),
    email: `personne-${n}@tribune.test`,
    displayName: "",
    role: "press",
    subdivisionId: null,
    disabled: false,
    createdAt: "2026-12-01T10:00:00.000Z",
    invitationPending,
  });

  it("invites a person and resends only a pending invitation", async () => {
    const { user, callsTo } = renderWithApi(<AccountsPage />, {
      handlers: {
        "account.list": () => [account(1, false), account(2, true)],
        "subdivision.options": () => [],
        "account.invite": () => ({ ...account(3, true), email: "nouvelle@tribune.test" }),
        "account.resendInvitation": () => ({
          email: "personne-2@tribune.test",
          expiresAt: "2026-12-14T10:00:00.000Z",
        }),
      },
    });
    const resend = await screen.findAllByRole("button", { name: /Renvoyer l'invitation/ });
    expect(resend).toHaveLength(1);
    expect(screen.getByText("Invitation en attente")).toBeTruthy();
    await user.click(resend[0] as HTMLElement);
    expect(
      await screen.findByText(/Nouvelle invitation envoyée à personne-2@tribune.test/),
    ).toBeTruthy();
    expect(callsTo("account.resendInvitation")[0]?.input).toEqual({
      email: "personne-2@tribune.test",
    });

    await user.type(screen.getByLabelText("Adresse e-mail"), "nouvelle@tribune.test");
    await user.selectOptions(screen.getByLabelText("Rôle"), "press");
    await user.click(screen.getByRole("button", { name: "Inviter" }));
    expect(await screen.findByText(/Invitation envoyée à nouvelle@tribune.test/)).toBeTruthy();
    expect(callsTo("account.invite")[0]?.input).toEqual({
      email: "nouvelle@tribune.test",
      displayName: "",
      role: "press",
      subdivisionId: null,
    });
  });
});

import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiRefusal, renderWithApi, uuid } from "../../../testing/api";
import AccountsPage from "./AccountsPage";

const DIJON = { id: uuid(50), name: "Dijon" };
const account = (n: number, role: string, extra: object = {}) => ({
  id: uuid(n),
  email: `personne-${n}@tribune.test`,
  displayName: "",
  role,
  subdivisionId: null,
  disabled: false,
  createdAt: "2026-12-01T10:00:00.000Z",
  invitationPending: false,
  ...extra,
});
const ME = {
  id: uuid(1),
  email: "personne-1@tribune.test",
  displayName: "",
  role: "admin",
  subdivisionId: null,
};

function renderPage(handlers: Record<string, (input: unknown) => unknown> = {}) {
  return renderWithApi(<AccountsPage />, {
    handlers: {
      "auth.me": () => ME,
      "account.list": () => [
        account(1, "admin"),
        account(2, "organiser"),
        account(3, "press", { disabled: true }),
        account(4, "representative", { subdivisionId: DIJON.id }),
      ],
      "subdivision.options": () => [DIJON],
      ...handlers,
    },
  });
}

const rowOf = async (email: string) =>
  (await screen.findByRole("cell", { name: email })).closest("tr") as HTMLElement;

describe("AccountsPage: changing an account", () => {
  it("offers no action on one's own account, and names a representative's subdivision", async () => {
    renderPage();
    const mine = await rowOf("personne-1@tribune.test");
    expect(within(mine).getByText("Votre compte")).toBeTruthy();
    expect(within(mine).queryByRole("button")).toBeNull();
    expect(within(await rowOf("personne-4@tribune.test")).getByText("· Dijon")).toBeTruthy();
  });

  it("disables an account once confirmed, and enables a disabled one at once", async () => {
    const { user, callsTo } = renderPage({
      "account.disable": () => ({ id: uuid(2), email: "personne-2@tribune.test" }),
      "account.enable": () => ({ id: uuid(3), email: "personne-3@tribune.test" }),
    });
    const organiser = await rowOf("personne-2@tribune.test");
    await user.click(within(organiser).getByRole("button", { name: /^Désactiver/ }));
    const dialog = await screen.findByRole("dialog", {
      name: "Désactiver le compte de personne-2@tribune.test ?",
    });
    expect(callsTo("account.disable")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Désactiver" }));
    expect(await screen.findByText(/Compte de personne-2@tribune.test désactivé/)).toBeTruthy();
    expect(callsTo("account.disable")[0]?.input).toEqual({ email: "personne-2@tribune.test" });

    const disabled = await rowOf("personne-3@tribune.test");
    await user.click(within(disabled).getByRole("button", { name: /^Réactiver/ }));
    expect(await screen.findByText("Compte de personne-3@tribune.test réactivé.")).toBeTruthy();
  });

  it("changes a role to representative with a subdivision, and shows the server's refusal", async () => {
    let refuse = true;
    const { user, callsTo } = renderPage({
      "account.setRole": () => {
        if (refuse)
          throw new ApiRefusal(
            "forbidden",
            "C'est le dernier compte d'administration actif : nommez d'abord un·e autre administrateur·rice.",
          );
        return { id: uuid(2), email: "personne-2@tribune.test" };
      },
    });
    await user.click(
      within(await rowOf("personne-2@tribune.test")).getByRole("button", {
        name: /^Changer le rôle/,
      }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Rôle de personne-2@tribune.test" });
    await user.selectOptions(within(dialog).getByLabelText("Nouveau rôle"), "representative");
    await user.selectOptions(within(dialog).getByLabelText("Subdivision représentée"), DIJON.id);
    await user.click(within(dialog).getByRole("button", { name: "Enregistrer" }));
    expect(await within(dialog).findByRole("alert")).toHaveProperty(
      "textContent",
      "C'est le dernier compte d'administration actif : nommez d'abord un·e autre administrateur·rice.",
    );
    refuse = false;
    await user.click(within(dialog).getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText(/personne-2@tribune.test : rôle changé/)).toBeTruthy();
    expect(callsTo("account.setRole").at(-1)?.input).toEqual({
      email: "personne-2@tribune.test",
      role: "representative",
      subdivisionId: DIJON.id,
    });
  });

  it("opens the role dialog on the account's current role and subdivision", async () => {
    const { user, callsTo } = renderPage({
      "account.setRole": () => ({ id: uuid(4), email: "personne-4@tribune.test" }),
    });
    await user.click(
      within(await rowOf("personne-4@tribune.test")).getByRole("button", {
        name: /^Changer le rôle/,
      }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Rôle de personne-4@tribune.test" });
    expect(within(dialog).getByLabelText<HTMLSelectElement>("Nouveau rôle").value).toBe(
      "representative",
    );
    expect(within(dialog).getByLabelText<HTMLSelectElement>("Subdivision représentée").value).toBe(
      DIJON.id,
    );
    await user.selectOptions(within(dialog).getByLabelText("Nouveau rôle"), "organiser");
    expect(within(dialog).queryByLabelText("Subdivision représentée")).toBeNull();
    await user.click(within(dialog).getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText(/personne-4@tribune.test : rôle changé/)).toBeTruthy();
    // Another role drops the subdivision.
    expect(callsTo("account.setRole")[0]?.input).toEqual({
      email: "personne-4@tribune.test",
      role: "organiser",
      subdivisionId: null,
    });
  });
});

import { screen, waitFor } from "@testing-library/react";
import { type Edition, editionStatus } from "@tribune/domain/congress";
import { describe, expect, it } from "vitest";
import { EDITION, renderWithApi, uuid } from "../../../testing/api";
import PublicRegistrationPage from "./PublicRegistrationPage";

const NOW = new Date("2026-12-07T10:00:00Z");
const view = (edition: Edition) => ({ ...edition, status: editionStatus(edition, NOW) });
const E2027: Edition = {
  ...EDITION,
  id: uuid(2027),
  number: 27,
  year: 2027,
  firstDay: "2027-01-21",
  lastDay: "2027-01-22",
  registrationOpensOn: "2026-12-15",
  registrationClosesOn: "2027-01-10",
};

function renderPage(
  route: string,
  editions: Record<number, Edition>,
  more: Record<string, (input: unknown) => unknown> = {},
) {
  return renderWithApi(<PublicRegistrationPage />, {
    route,
    handlers: {
      ...more,
      "edition.current": () => view(E2027),
      "edition.byYear": (input) => {
        const edition = editions[(input as { year: number }).year];
        if (!edition) throw new Error("unexpected year");
        return view(edition);
      },
      "subdivision.options": () => [{ id: uuid(1), slug: "lille", name: "Lille" }],
    },
  });
}

describe("PublicRegistrationPage", () => {
  it("says when registration opens instead of showing the form", async () => {
    renderPage("/public/inscription", {});
    expect(
      await screen.findByRole("heading", { name: "Inscriptions pas encore ouvertes" }),
    ).toBeTruthy();
    expect(
      screen.getByText("Les inscriptions au congrès 2027 ouvriront le 15 décembre 2026."),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "M'inscrire" })).toBeNull();
    expect(screen.getByRole("link", { name: "Voir le programme" }).getAttribute("href")).toBe(
      "/public/programme",
    );
  });

  it("says since when registration is closed for the edition the address names", async () => {
    const closed = { ...EDITION, registrationClosesOn: "2026-01-15" };
    renderPage("/public/inscription?edition=2026", { 2026: closed });
    expect(await screen.findByRole("heading", { name: "Inscriptions closes" })).toBeTruthy();
    expect(
      screen.getByText(
        "Les inscriptions au congrès 2026 sont closes depuis le 15 janvier 2026 au soir.",
      ),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: "Voir le programme" }).getAttribute("href")).toBe(
      "/public/programme?edition=2026",
    );
  });

  it("shows the form while registration is open", async () => {
    const open = { ...E2027, registrationOpensOn: "2026-11-01" };
    renderPage("/public/inscription?edition=2027", { 2027: open });
    expect(await screen.findByRole("button", { name: "M'inscrire" })).toBeTruthy();
    // The options are dated with the edition's own days, so nobody ticks a meal of another year.
    expect(
      screen.getByRole("checkbox", {
        name: "Repas du midi (jeudi 21 janvier et vendredi 22 janvier 2027)",
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole("checkbox", { name: "Soirée de gala (jeudi 21 janvier 2027 au soir)" }),
    ).toBeTruthy();
  });

  it("after registering, says a message is on its way: no code, no status on the page", async () => {
    const open = { ...E2027, registrationOpensOn: "2026-11-01" };
    const { user } = renderPage(
      "/public/inscription?edition=2027",
      { 2027: open },
      {
        "registration.register": (input) => ({
          editionId: E2027.id,
          firstName: (input as { firstName: string }).firstName,
          email: (input as { email: string }).email,
        }),
      },
    );
    await user.type(await screen.findByLabelText("Prénom"), "Léa");
    await user.type(screen.getByLabelText("Nom"), "Martin");
    await user.type(screen.getByLabelText("Adresse e-mail"), "lea@exemple.fr");
    await user.selectOptions(screen.getByLabelText("Subdivision"), "Lille");
    await user.click(screen.getByRole("button", { name: "M'inscrire" }));
    expect(
      await screen.findByRole("heading", {
        name: "Merci Léa, vérifiez votre boîte de réception",
      }),
    ).toBeTruthy();
    expect(screen.getByText("lea@exemple.fr")).toBeTruthy();
    expect(screen.queryByRole("img", { name: /QR code/ })).toBeNull();
    expect(screen.getByText("M'inscrire aux ateliers avec mon code")).toBeTruthy();
  });

  it("with a code: refuses a malformed one on its field, then finds the workshops and cancels with it normalised", async () => {
    const { user, callsTo } = renderPage(
      "/public/inscription",
      {},
      {
        "signup.options": () => [],
        "registration.cancelByCode": (input) => ({ code: (input as { code: string }).code }),
      },
    );
    const problem = "Code d'inscription invalide (8 caractères, par exemple K7QM-3XPA).";

    await user.click(await screen.findByText("M'inscrire aux ateliers avec mon code"));
    const workshopsCode = screen.getByLabelText(
      "Code d'inscription (dans l'e-mail de confirmation)",
    );
    await user.type(workshopsCode, "K7QM3XP");
    await user.click(screen.getByRole("button", { name: "Voir les ateliers" }));
    expect(await screen.findByText(problem)).toBeTruthy();
    expect(workshopsCode.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(workshopsCode);
    await user.clear(workshopsCode);
    await user.type(workshopsCode, " k7qm 3xpa ");
    await user.click(screen.getByRole("button", { name: "Voir les ateliers" }));
    await waitFor(() => expect(callsTo("signup.options")[0]?.input).toEqual({ code: "K7QM-3XPA" }));
    expect(screen.queryByText(problem)).toBeNull();

    await user.click(screen.getByText("Annuler mon inscription"));
    const cancelCode = screen.getByLabelText("Code d'inscription");
    await user.type(cancelCode, "nope");
    await user.click(screen.getByRole("button", { name: "Annuler l'inscription" }));
    expect(await screen.findByText(problem)).toBeTruthy();
    expect(cancelCode.getAttribute("aria-invalid")).toBe("true");
    expect(callsTo("registration.cancelByCode")).toHaveLength(0);
    await user.clear(cancelCode);
    await user.type(cancelCode, "k7qm-3xpa");
    await user.click(screen.getByRole("button", { name: "Annuler l'inscription" }));
    expect(await screen.findByText(/Inscription K7QM-3XPA annulée/)).toBeTruthy();
    expect(callsTo("registration.cancelByCode")[0]?.input).toEqual({ code: "K7QM-3XPA" });
  });
});

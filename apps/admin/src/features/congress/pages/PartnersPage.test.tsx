import { screen, within } from "@testing-library/react";
import type { Partner } from "@tribune/domain/congress";
import { describe, expect, it } from "vitest";
import { renderWithApi, uuid } from "../../../testing/api";
import PartnersPage from "./PartnersPage";

const partners: Partner[] = [
  {
    id: uuid(1),
    name: "Groupe Pasteur Mutualité",
    kind: "mutuelle",
    website: "https://www.gpm.fr",
  },
  { id: uuid(2), name: "Filieris", kind: "institution", website: "" },
];

function renderPage(extra: Record<string, (input: unknown) => unknown> = {}) {
  return renderWithApi(<PartnersPage />, {
    handlers: { "partner.list": () => partners, ...extra },
  });
}

describe("PartnersPage", () => {
  it("lists partners alphabetically with their kind in French", async () => {
    renderPage();
    await screen.findByRole("row", { name: /Filieris/ });
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((r) => r.querySelector("th")?.textContent)).toEqual([
      "Filieris",
      "Groupe Pasteur Mutualité",
    ]);
    expect(within(rows[0] as HTMLElement).getByText("Institution")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByRole("link", { name: /gpm\.fr/ })).toBeTruthy();
  });

  it("refuses a website that is not an address, then creates the partner", async () => {
    const { user, callsTo } = renderPage({
      "partner.create": (input) => ({ id: uuid(3), ...(input as Omit<Partner, "id">) }),
    });
    await user.click(await screen.findByRole("button", { name: "Ajouter un partenaire" }));
    await user.type(screen.getByRole("textbox", { name: "Nom" }), "Département de l'Ardèche");
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Type" }),
      "Collectivité territoriale",
    );
    const website = screen.getByRole("textbox", { name: /Site web/ });
    await user.type(website, "ardeche point fr");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(
      await screen.findByText("Adresse web invalide (elle commence par https:// ou http://)."),
    ).toBeTruthy();
    expect(callsTo("partner.create")).toHaveLength(0);

    await user.clear(website);
    await user.type(website, "https://www.ardeche.fr");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Partenaire « Département de l'Ardèche » créé.")).toBeTruthy();
    expect(callsTo("partner.create")[0]?.input).toEqual({
      name: "Département de l'Ardèche",
      kind: "collectivite",
      website: "https://www.ardeche.fr",
    });
  });

  it("deletes an unused partner after a single confirmation", async () => {
    const { user, callsTo } = renderPage({
      "partner.delete": (input) => ({ id: (input as { id: string }).id, detachedSessions: 0 }),
    });
    await user.click(await screen.findByRole("button", { name: "Supprimer Filieris" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Supprimer" }));
    expect(await screen.findByText("Partenaire « Filieris » supprimé.")).toBeTruthy();
    expect(callsTo("partner.delete").map((c) => c.input)).toEqual([
      { id: uuid(2), confirm: false },
    ]);
  });
});

import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApi, uuid } from "../../../testing/api";
import DossiersPage from "./DossiersPage";

const gardes = {
  id: uuid(5),
  slug: "gardes",
  title: "PÉRENNISATION DE LA REVALORISATION DES GARDES",
  pillar: "defendre" as const,
  status: "won" as const,
  summary: "Victoire pour nous tous-tes les internes.",
  body: [
    "Victoire pour nous tous-tes les internes. Un texte avec **du gras** et **{{tt-moyenne}} heures**.",
    { list: ["premier point, {{gardes-non-payees}}"] },
  ],
  partners: [],
  figureIds: ["tt-moyenne"],
  position: 3,
  motionIds: [],
};
const events = [{ id: uuid(6), date: "2023-10-13", label: "Grève des internes" }];

describe("DossiersPage", () => {
  it("lists dossiers under their pillar and opens one with its timeline; the bureau edits it", async () => {
    const { user, callsTo } = renderWithApi(<DossiersPage />, {
      route: "/dossiers",
      handlers: {
        "auth.me": () => ({
          id: uuid(1),
          email: "b@x.fr",
          displayName: "",
          role: "bureau",
          subdivisionId: null,
        }),
        "dossier.list": () => [gardes],
        "dossier.get": () => ({ ...gardes, events }),
        "dossier.update": (input) => ({ ...gardes, events, ...(input as object) }),
        "pressKit.figures": () => [
          {
            id: "tt-moyenne",
            label: "heures de travail par semaine en moyenne",
            value: 59,
            printed: "59",
          },
          {
            id: "gardes-non-payees",
            label: "des internes ne sont pas payé·es pour leurs gardes",
            value: null,
            printed: "chiffre à venir",
          },
        ],
      },
    });
    const defendre = await screen.findByRole("region", { name: "Défendre" });
    await user.click(await within(defendre).findByRole("button", { name: gardes.title }));
    const article = await screen.findByRole("article", { name: gardes.title });
    expect(within(article).getByText("du gras").tagName).toBe("STRONG");
    // Figures read as the PDF prints them: the value (bold kept), or the kit's placeholder.
    const paragraph = within(article).getByText(/Un texte avec/);
    expect(paragraph.textContent).toBe(
      "Victoire pour nous tous-tes les internes. Un texte avec du gras et 59 heures.",
    );
    expect(within(paragraph).getByText("59").closest("strong")).not.toBeNull();
    expect(within(article).getByText(/premier point/).tagName).toBe("LI");
    expect(within(article).getByText("[chiffre à venir]")).toBeTruthy();
    expect(article.textContent).not.toMatch(/\{\{|\[chiffre :/);
    // The summary is the body's first sentence: not printed twice.
    expect(within(article).queryByText(/Résumé presse/)).toBeNull();
    expect(within(article).getByText(/heures de travail par semaine/).textContent).toBe(
      "59 heures de travail par semaine en moyenne",
    );
    expect(within(article).getByText(/Grève des internes/).textContent).toMatch(/13 octobre 2023/);

    await user.click(within(article).getByRole("button", { name: "Modifier" }));
    const title = screen.getByRole("textbox", { name: "Titre" });
    await user.clear(title);
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Le titre est obligatoire.")).toBeTruthy();
    expect(callsTo("dossier.update")).toHaveLength(0);
    await user.type(title, "Gardes");
    await user.selectOptions(screen.getByRole("combobox", { name: "Statut" }), "Clos");
    const body = screen.getByRole("textbox", { name: /^Texte/ });
    expect((body as HTMLTextAreaElement).value).toBe(
      "Victoire pour nous tous-tes les internes. Un texte avec **du gras** et **{{tt-moyenne}} heures**.\n\n- premier point, {{gardes-non-payees}}",
    );
    await user.type(body, "\n- second point {{{{gardes-non-payees}}");
    const figures = screen.getByRole("group", { name: "Chiffres clés mis en avant" });
    const moyenne = within(figures).getByRole("checkbox", { name: /tt-moyenne/ });
    expect((moyenne as HTMLInputElement).checked).toBe(true);
    // A figure published from the surveys' page is offered too.
    await user.click(within(figures).getByRole("checkbox", { name: /gardes-non-payees/ }));
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await screen.findByRole("button", { name: "Modifier" });
    expect(callsTo("dossier.update")[0]?.input).toEqual({
      id: gardes.id,
      title: "Gardes",
      status: "closed",
      summary: gardes.summary,
      body: [
        gardes.body[0],
        { list: ["premier point, {{gardes-non-payees}}", "second point {{gardes-non-payees}}"] },
      ],
      position: 3,
      figureIds: ["tt-moyenne", "gardes-non-payees"],
    });
  });
});

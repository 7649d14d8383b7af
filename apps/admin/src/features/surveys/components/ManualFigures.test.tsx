import { screen, within } from "@testing-library/react";
import {
  decideManualFigure,
  type ManualFigure,
  type ManualFigureInput,
} from "@tribune/domain/press-kit";
import { describe, expect, it } from "vitest";
import { ApiRefusal, renderWithApi, uuid } from "../../../testing/api";
import { ManualFigures } from "./ManualFigures";

const bureau = {
  id: uuid(1),
  email: "bureau@isnar-img.fr",
  displayName: "",
  role: "bureau",
  subdivisionId: null,
};

/** The server's answer as the API gives it: the domain decides, the figure is stored. */
function fakeServer() {
  const stored: ManualFigure[] = [];
  const create = (input: unknown) => {
    const { year: _y, ...fields } = input as ManualFigureInput;
    const decision = decideManualFigure(fields, {
      takenIds: new Set(stored.map((f) => f.id)),
      today: "2026-12-07",
    });
    if (!decision.ok) {
      const { code, message, fieldErrors } = decision.refusal;
      throw new ApiRefusal(code, message, fieldErrors ?? null);
    }
    const figure = { ...decision.figure, updatedAt: null, updatedBy: bureau.email };
    stored.push(figure);
    return figure;
  };
  return { stored, create };
}

describe("ManualFigures", () => {
  it("refuses a quoted figure without its source, then lists it marked « chiffre cité » with its provenance", async () => {
    const server = fakeServer();
    const { user, callsTo } = renderWithApi(<ManualFigures year={2026} readOnly={false} />, {
      handlers: {
        "auth.me": () => bureau,
        "pressKit.manualFigures": () => [...server.stored],
        "pressKit.createManualFigure": server.create,
      },
    });
    expect(await screen.findByText(/Aucun chiffre cité pour cette édition/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Nouveau chiffre cité" }));
    const form = screen.getByRole("form", { name: "Nouveau chiffre cité" });
    const box = (name: string) => within(form).getByRole("textbox", { name });
    // Pasted: typing character by character takes seconds on a busy machine.
    const fill = async (input: HTMLElement, text: string) => {
      await user.click(input);
      await user.paste(text);
    };
    await fill(box("Identifiant"), "drees-burnout");
    await fill(box("Libellé"), "des internes déclarent des symptômes d'épuisement");
    await fill(box("Valeur"), "66,2");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Décimales" }), "1");
    await fill(box("Document source"), "Santé des internes en médecine");
    await fill(box("Échantillon"), "2 145 internes interrogé·es");
    await fill(within(form).getByLabelText("Date de publication"), "2025-03-12");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));

    // The server's refusal, under the field at fault.
    expect(
      await within(form).findByText("Indiquez l'organisation source (obligatoire)."),
    ).toBeTruthy();
    expect(box("Organisation source").getAttribute("aria-invalid")).toBe("true");
    expect(server.stored).toHaveLength(0);

    await fill(box("Organisation source"), "DREES");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Chiffre cité « drees-burnout » enregistré.")).toBeTruthy();
    expect(callsTo("pressKit.createManualFigure").at(-1)?.input).toMatchObject({
      year: 2026,
      id: "drees-burnout",
      value: 66.2,
      decimals: 1,
      unit: "percent",
      sourceOrganisation: "DREES",
      publishedOn: "2025-03-12",
    });
    const row = (await screen.findByText("drees-burnout")).closest("tr") as HTMLElement;
    expect(within(row).getByText("chiffre cité")).toBeTruthy();
    expect(within(row).getByText("66,2 %")).toBeTruthy();
    expect(
      within(row).getByText(
        "Chiffre cité — DREES, « Santé des internes en médecine » (12 mars 2025), 2 145 internes interrogé·es",
      ),
    ).toBeTruthy();
  });

  it("shows an archived edition's quoted figures without a way to change them", async () => {
    const figure: ManualFigure = {
      id: "drees-burnout",
      label: "des internes épuisé·es",
      value: 66,
      unit: "percent",
      decimals: 0,
      sourceOrganisation: "DREES",
      sourceTitle: "Santé des internes",
      sample: "2 145 internes",
      publishedOn: "2025-03-12",
      url: "",
      updatedAt: null,
      updatedBy: null,
    };
    renderWithApi(<ManualFigures year={2024} readOnly />, {
      handlers: { "auth.me": () => bureau, "pressKit.manualFigures": () => [figure] },
    });
    expect(await screen.findByText("drees-burnout")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Nouveau chiffre cité" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Modifier" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Supprimer" })).toBeNull();
  });
});

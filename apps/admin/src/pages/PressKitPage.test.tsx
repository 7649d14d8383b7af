import { screen, within } from "@testing-library/react";
import { buildPressKitModel, pressKitEditorial2026, referenceProgramme2026 } from "@tribune/domain";
import { describe, expect, it } from "vitest";
import { EDITION, renderWithApi } from "../catalog/testing";
import PressKitPage from "./PressKitPage";

const ref = referenceProgramme2026();
const model = buildPressKitModel({
  edition: ref.edition,
  rooms: ref.rooms,
  sessions: ref.sessions,
  editorial: pressKitEditorial2026({
    statuses: { "mot-bureau": "brouillon", planning: "brouillon" },
  }),
});

function renderPage() {
  return renderWithApi(<PressKitPage />, {
    handlers: {
      "edition.list": () => [EDITION],
      "pressKit.model": () => model,
    },
  });
}

describe("PressKitPage", () => {
  it("lists the sections with their status", async () => {
    const { callsTo } = renderPage();
    await screen.findByRole("heading", { level: 1, name: "Dossier de presse 2026" });
    const list = within(await screen.findByRole("region", { name: "Sections" })).getByRole("list");
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(model.sections.length);
    model.sections.forEach((section, index) => {
      const item = items[index];
      if (!item) throw new Error(`no item for ${section.id}`);
      expect(item.textContent).toContain(section.title);
      expect(item.textContent).toContain(section.status === "valide" ? "validé" : "brouillon");
    });
    const drafts = model.sections.filter((section) => section.status === "brouillon");
    expect(drafts.length).toBeGreaterThan(0);
    expect(within(list).getAllByText("brouillon")).toHaveLength(drafts.length);
    expect(within(list).getAllByText("validé")).toHaveLength(model.sections.length - drafts.length);
    expect(callsTo("pressKit.model")[0]?.input).toEqual({ year: 2026 });
  });

  it("offers the PDF to download and previews it, with a fallback link", async () => {
    renderPage();
    const download = await screen.findByRole("link", { name: "Télécharger le PDF" });
    expect(download.getAttribute("href")).toBe("/api/editions/2026/press-kit.pdf");
    expect(download.getAttribute("download")).toBe("dossier-de-presse-2026.pdf");

    const preview = screen.getByRole("region", { name: "Aperçu" });
    const object = preview.querySelector("object");
    expect(object?.getAttribute("data")).toBe("/api/editions/2026/press-kit.pdf?apercu");
    expect(object?.getAttribute("type")).toBe("application/pdf");
    const fallback = within(preview).getByRole("link", {
      name: "Télécharger le dossier de presse 2026 (PDF)",
    });
    expect(fallback.getAttribute("href")).toBe("/api/editions/2026/press-kit.pdf");
  });

  it("says where the figures come from", async () => {
    renderPage();
    expect(
      await screen.findByText(/Les chiffres clés sont calculés à partir des réponses aux enquêtes/),
    ).toBeTruthy();
  });
});

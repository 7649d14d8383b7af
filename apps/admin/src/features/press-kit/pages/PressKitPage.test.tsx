import { screen, waitFor, within } from "@testing-library/react";
import type { Role } from "@tribune/domain/auth";
import {
  buildPressKitModel,
  type PressKitSectionState,
  sectionStates,
} from "@tribune/domain/press-kit";
import { pressKitEditorial2026, referenceProgramme2026 } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import { ApiRefusal, EDITION_VIEW, renderWithApi, uuid } from "../../../testing/api";
import PressKitPage from "./PressKitPage";

const ref = referenceProgramme2026();
const model = buildPressKitModel({
  edition: ref.edition,
  rooms: ref.rooms,
  sessions: ref.sessions,
  editorial: pressKitEditorial2026({
    statuses: { "mot-bureau": "draft", planning: "draft" },
  }),
});

const DRAFTS = new Set(["mot-bureau", "planning"]);
const stored = sectionStates([], pressKitEditorial2026()).map(
  (s): PressKitSectionState => ({
    ...s,
    stored: true,
    status: DRAFTS.has(s.sectionId) ? "draft" : "validated",
    updatedAt: "2026-01-05T09:30:00.000Z",
    updatedBy: "presse@isnar-img.com",
    validatedAt: DRAFTS.has(s.sectionId) ? null : "2026-01-05T10:00:00.000Z",
    validatedBy: DRAFTS.has(s.sectionId) ? null : "bureau@isnar-img.com",
  }),
);

function renderPage(role: Role = "press", extra: Record<string, (input: unknown) => unknown> = {}) {
  return renderWithApi(<PressKitPage />, {
    handlers: {
      "auth.me": () => ({
        id: uuid(1),
        email: `${role}@x.fr`,
        displayName: "",
        role,
        subdivisionId: null,
      }),
      "edition.current": () => EDITION_VIEW,
      "pressKit.model": () => model,
      "pressKit.sections": () => stored,
      ...extra,
    },
  });
}

describe("PressKitPage", () => {
  it("lists the sections with their status", async () => {
    const { callsTo } = renderPage();
    await screen.findByRole("heading", { level: 1, name: "Dossier de presse 2026" });
    const list = within(await screen.findByRole("region", { name: "Sections" })).getByRole("list");
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(stored.length);
    stored.forEach((section, index) => {
      const item = items[index];
      if (!item) throw new Error(`no item for ${section.sectionId}`);
      expect(item.textContent).toContain(section.title);
      expect(item.textContent).toContain(section.status === "validated" ? "validé" : "brouillon");
    });
    expect(within(list).getAllByText("brouillon")).toHaveLength(DRAFTS.size);
    expect(within(list).getAllByText("validé")).toHaveLength(stored.length - DRAFTS.size);
    expect(items[0]?.textContent).toContain("Validé par bureau@isnar-img.com");
    expect(callsTo("pressKit.sections")[0]?.input).toEqual({ year: 2026 });
    // The press edits; only the bureau validates.
    expect(within(list).getAllByRole("button", { name: /^Modifier/ })).toHaveLength(stored.length);
    expect(within(list).queryByRole("button", { name: /^Valider/ })).toBeNull();
  });

  it("edits a section's text and signature, and shows the server's refusal on the text", async () => {
    let attempt = 0;
    const { user, callsTo } = renderPage("press", {
      "pressKit.updateSection": (input) => {
        attempt += 1;
        if (attempt === 1)
          throw new ApiRefusal("invalid", "Chiffre clé inconnu : {{x}}.", {
            text: ["Chiffre clé inconnu : {{x}}."],
          });
        return { ...stored[5], ...(input as object), status: "draft" };
      },
    });
    await user.click(
      await screen.findByRole("button", { name: "Modifier « Mot de la présidence »" }),
    );
    const form = screen.getByRole("form", { name: "Modifier « Mot de la présidence »" });
    expect(within(form).getByText(/toute modification la repasse en brouillon/)).toBeTruthy();
    const text = within(form).getByLabelText("Texte");
    await user.clear(text);
    await user.type(text, "Un mot **nouveau** avec {{{{x}}.");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));
    // Once, under the text it is about.
    expect(await within(form).findAllByText("Chiffre clé inconnu : {{x}}.")).toHaveLength(1);
    await user.clear(text);
    await user.type(text, "Un mot **nouveau**.");
    await user.clear(within(form).getByLabelText("Nom"));
    await user.type(within(form).getByLabelText("Nom"), "Camille MARTIN");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));
    await screen.findByRole("button", { name: "Modifier « Mot de la présidence »" });
    expect(callsTo("pressKit.updateSection").at(-1)?.input).toEqual({
      year: 2026,
      sectionId: "mot-presidente",
      title: "Mot de la Présidente",
      kicker: "L'ISNAR-IMG",
      text: "Un mot **nouveau**.",
      signature: { name: "Camille MARTIN", role: "PRÉSIDENTE DE L'ISNAR-IMG" },
    });
  });

  it("lets the bureau validate a draft section", async () => {
    const { user, callsTo } = renderPage("bureau", {
      "pressKit.setSectionStatus": (input) => ({ ...stored[6], ...(input as object) }),
    });
    const buttons = await screen.findAllByRole("button", { name: /^Valider/ });
    expect(buttons).toHaveLength(DRAFTS.size);
    await user.click(screen.getByRole("button", { name: "Valider « Mot du Bureau National »" }));
    expect(callsTo("pressKit.setSectionStatus")[0]?.input).toEqual({
      year: 2026,
      sectionId: "mot-bureau",
      status: "validated",
    });
  });

  it("shows the bureau what changed in a draft since it was last validated", async () => {
    const draft = stored.find((s) => s.sectionId === "mot-bureau");
    if (!draft) throw new Error("no mot-bureau");
    const { user, callsTo } = renderPage("bureau", {
      "pressKit.lastValidated": () => ({
        title: draft.title,
        kicker: draft.kicker,
        text: `${draft.text} Une phrase retirée depuis.`,
        signature: draft.signature,
        validatedAt: "2026-01-04T09:00:00.000Z",
        validatedBy: "bureau@isnar-img.com",
      }),
    });
    const summaries = await screen.findAllByText(
      "Voir les modifications depuis la dernière validation",
    );
    expect(summaries).toHaveLength(DRAFTS.size);
    // Asked for only when opened.
    expect(callsTo("pressKit.lastValidated")).toHaveLength(0);
    const item = (
      await screen.findByRole("button", { name: "Valider « Mot du Bureau National »" })
    ).closest("li") as HTMLElement;
    await user.click(
      within(item).getByText("Voir les modifications depuis la dernière validation"),
    );
    const removed = await screen.findByText(/Une phrase retirée depuis\./, { selector: "del" });
    expect(removed).toBeTruthy();
    expect(screen.getByText(/Depuis la version validée par bureau@isnar-img\.com le/)).toBeTruthy();
    expect(callsTo("pressKit.lastValidated")[0]?.input).toEqual({
      year: 2026,
      sectionId: "mot-bureau",
    });
  });

  it("moves a section up or down, never the cover or the contents", async () => {
    const { user, callsTo } = renderPage("press", { "pressKit.moveSection": () => stored });
    const list = within(await screen.findByRole("region", { name: "Sections" })).getByRole("list");
    expect(within(list).getAllByRole("button", { name: /^Monter/ })).toHaveLength(
      stored.length - 2,
    );
    expect(within(list).queryByRole("button", { name: "Monter « Couverture »" })).toBeNull();
    const first = screen.getByRole("button", { name: "Monter « Texte d'ouverture »" });
    expect((first as HTMLButtonElement).disabled).toBe(true);
    const last = screen.getByRole("button", { name: "Descendre « Contacts »" });
    expect((last as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "Monter « Contacts »" }));
    expect(callsTo("pressKit.moveSection")[0]?.input).toEqual({
      year: 2026,
      sectionId: "contacts",
      direction: "up",
    });
  });

  it("edits the contacts one per line and shows which line does not read", async () => {
    const problem = "Ligne 2 (« TikTok : @x ») : écrivez « Nom | Fonction | e-mail | téléphone ».";
    const { user, callsTo } = renderPage("press", {
      "pressKit.updateSection": () => {
        throw new ApiRefusal("invalid", problem, { text: [problem] });
      },
    });
    await user.click(await screen.findByRole("button", { name: "Modifier « Contacts »" }));
    const form = screen.getByRole("form", { name: "Modifier « Contacts »" });
    const text = within(form).getByLabelText("Contacts") as HTMLTextAreaElement;
    expect(text.value).toContain("ATIKA BOKHARI | PRÉSIDENTE DE L'ISNAR-IMG");
    await user.type(text, "\nTikTok : @x");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));
    expect(await within(form).findAllByText(problem)).toHaveLength(1);
    expect(callsTo("pressKit.updateSection")[0]?.input).toMatchObject({
      sectionId: "contacts",
      text: expect.stringMatching(/Instagram : @isnarimg\nX : @isnarimg\nTikTok : @x$/),
    });
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

  it("says the preview is being laid out until the PDF has loaded", async () => {
    renderPage();
    await screen.findByRole("button", { name: "Modifier « Contacts »" });
    const preview = await screen.findByRole("region", { name: "Aperçu" });
    expect(within(preview).getByRole("status").textContent).toContain(
      "Mise en page du dossier de presse…",
    );
    expect(preview.querySelector("object")?.getAttribute("aria-busy")).toBe("true");
    preview.querySelector("object")?.dispatchEvent(new Event("load"));
    await waitFor(() => expect(within(preview).queryByRole("status")).toBeNull());
    expect(screen.getByTitle("Aperçu du dossier de presse 2026").getAttribute("aria-busy")).toBe(
      "false",
    );
  });

  it("warns, before the download, that the published programme has conflicts", async () => {
    const clash = "Amphi : « 1,2,3 rempla » et « Évolution » ont lieu en même temps (à 14h30).";
    renderPage("press", { "pressKit.model": () => ({ ...model, programmeConflicts: [clash] }) });
    const alert = await screen.findByText(/Le programme publié a 1 conflit\./);
    const notice = alert.closest("[role=alert]") as HTMLElement;
    expect(within(notice).getByText(clash)).toBeTruthy();
    expect(within(notice).getByRole("link", { name: "Ouvrir le programme" })).toBeTruthy();
  });

  it("says nothing of conflicts when the programme has none", async () => {
    renderPage();
    await screen.findByText(/Les chiffres clés sont calculés/);
    expect(screen.queryByText(/conflit/)).toBeNull();
  });

  it("says where the figures come from", async () => {
    renderPage();
    expect(
      await screen.findByText(/Les chiffres clés sont calculés à partir des réponses aux enquêtes/),
    ).toBeTruthy();
  });
});

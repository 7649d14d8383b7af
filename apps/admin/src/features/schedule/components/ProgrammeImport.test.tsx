import { screen, within } from "@testing-library/react";
import type { ProgrammeImportReport } from "@tribune/domain/schedule";
import { describe, expect, it } from "vitest";
import { renderWithApi } from "../../../testing/api";
import { ProgrammeImport } from "./ProgrammeImport";

const EDITION = "00000001-0000-4000-8000-000000000027";
const report = (over: Partial<ProgrammeImportReport>): ProgrammeImportReport => ({
  format: "json",
  dryRun: true,
  applied: false,
  fileRefusal: null,
  created: 2,
  updated: 0,
  skipped: 0,
  roomsCreated: ["Salle 2"],
  speakersCreated: [],
  unmappedKinds: [],
  kinds: [],
  conflicts: [],
  wrongDates: null,
  refused: [],
  ...over,
});

describe("ProgrammeImport", () => {
  it("previews the file, then imports it as drafts", async () => {
    const { user, callsTo } = renderWithApi(<ProgrammeImport editionId={EDITION} />, {
      handlers: {
        "schedule.import": (input) =>
          (input as { dryRun?: boolean }).dryRun
            ? report({})
            : report({ dryRun: false, applied: true }),
      },
    });
    const file = new File(['{"schedule": {}}'], "schedule.json", { type: "application/json" });
    await user.upload(await screen.findByLabelText("Fichier du programme"), file);
    expect(await screen.findByText(/2 sessions créées/)).toBeTruthy();
    expect(screen.getByText("Salles créées : Salle 2")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Importer 2 sessions" }));
    expect(await screen.findByRole("status")).toHaveProperty(
      "textContent",
      "Programme importé : les nouvelles sessions sont en brouillon.",
    );
    expect(callsTo("schedule.import").map((c) => (c.input as { dryRun?: boolean }).dryRun)).toEqual(
      [true, undefined],
    );
  });

  it("lets the organiser choose the kind of each type in the file; the preview and the import follow", async () => {
    const kindOf = (input: unknown) =>
      (input as { kindMapping?: Record<string, string> }).kindMapping?.lecture ?? "pleniere";
    const { user, callsTo } = renderWithApi(<ProgrammeImport editionId={EDITION} />, {
      handlers: {
        "schedule.import": (input) =>
          report({
            ...((input as { dryRun?: boolean }).dryRun ? {} : { dryRun: false, applied: true }),
            kinds: [
              { value: "lecture", kind: kindOf(input) as "pleniere", known: true, sessions: 78 },
              { value: "Entertainment", kind: "pleniere", known: false, sessions: 1 },
            ],
          }),
      },
    });
    const file = new File(['{"schedule": {}}'], "camp.json", { type: "application/json" });
    await user.upload(await screen.findByLabelText("Fichier du programme"), file);
    const table = await screen.findByRole("table", { name: "Types de session du fichier" });
    expect(
      within(table).getByRole("rowheader", { name: "Entertainment (non reconnu)" }),
    ).toBeTruthy();
    await user.selectOptions(
      within(table).getByLabelText("Type de session pour « lecture »"),
      "Atelier",
    );
    await screen.findByDisplayValue("Atelier");
    await user.click(screen.getByRole("button", { name: "Importer 2 sessions" }));
    await screen.findByRole("status");
    const sent = callsTo("schedule.import").map(
      (c) => (c.input as { kindMapping?: Record<string, string> }).kindMapping,
    );
    // The first preview with no choice, the second with it, then the import with it.
    expect(sent).toEqual([{}, { lecture: "atelier" }, { lecture: "atelier" }]);
  });

  it("shows each refused session with its reason and offers no import", async () => {
    renderWithApi(<ProgrammeImport editionId={EDITION} />, {
      handlers: {
        "schedule.import": () =>
          report({
            refused: [{ position: 3, guid: null, title: "Opening", reason: "Hors des jours" }],
          }),
      },
    });
    const file = new File(["{}"], "camp.json", { type: "application/json" });
    await userUpload(file);
    const table = await screen.findByRole("table", { name: "Sessions refusées" });
    expect(within(table).getByText("Hors des jours")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Importer/ })).toBeNull();
  });

  it("says once that the file's dates are another congress's, the refused sessions folded", async () => {
    const wrongDates =
      "Aucune session de ce fichier n'a lieu pendant l'édition (du jeudi 22 au vendredi 23 janvier 2026) : elles ont lieu du mercredi 21 au dimanche 25 août 2019. Choisissez dans l'en-tête l'édition de ces dates, ou corrigez les dates du fichier.";
    const { user } = renderWithApi(<ProgrammeImport editionId={EDITION} />, {
      handlers: {
        "schedule.import": () =>
          report({
            created: 0,
            roomsCreated: [],
            wrongDates,
            refused: [1, 2, 3].map((position) => ({
              position,
              guid: null,
              title: `Session ${position}`,
              reason:
                "Hors des jours de l'édition (du jeudi 22 au vendredi 23 janvier 2026) : 21 août 2019.",
            })),
          }),
      },
    });
    await userUpload(new File(["{}"], "camp.json", { type: "application/json" }));
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", wrongDates);
    // Folded: the lines are there for who wants them, not in the way.
    const summary = screen.getByText("Voir 3 sessions refusées");
    expect(screen.getByRole("table", { name: "Sessions refusées", hidden: true })).toBeTruthy();
    expect(summary.closest("details")?.open).toBe(false);
    await user.click(summary);
    expect(summary.closest("details")?.open).toBe(true);
    expect(screen.queryByRole("button", { name: /Importer/ })).toBeNull();
  });
});

async function userUpload(file: File) {
  const { default: userEvent } = await import("@testing-library/user-event");
  await userEvent.setup().upload(await screen.findByLabelText("Fichier du programme"), file);
}

import { screen, waitFor, within } from "@testing-library/react";
import type { Speaker } from "@tribune/domain/congress";
import { beforeEach, describe, expect, it } from "vitest";
import { ApiRefusal, EDITION_VIEW, renderWithApi, uuid } from "../../../testing/api";
import SpeakersPage from "./SpeakersPage";

let speakers: Speaker[];

beforeEach(() => {
  speakers = [
    {
      id: uuid(1),
      name: "Camille Durand",
      affiliation: "CHU de Dijon",
      bio: "",
      // 14:00–16:00 in Paris (UTC+1 in January).
      unavailable: [
        {
          startsAt: "2026-01-22T13:00:00.000Z",
          endsAt: "2026-01-22T15:00:00.000Z",
          reason: "garde",
        },
      ],
    },
  ];
});

function renderPage(extra: Record<string, (input: unknown) => unknown> = {}) {
  return renderWithApi(<SpeakersPage />, {
    handlers: {
      "edition.current": () => EDITION_VIEW,
      "speaker.list": () => speakers,
      ...extra,
    },
  });
}

describe("SpeakersPage", () => {
  it("lists speakers with their unavailability in Paris time", async () => {
    renderPage();
    const row = await screen.findByRole("row", { name: /Camille Durand/ });
    expect(within(row).getByText("CHU de Dijon")).toBeTruthy();
    expect(row.textContent).toContain("jeudi 22 janvier, 14:00–16:00 (garde)");
  });

  it("turns day and local times into instants when creating a speaker", async () => {
    const { user, callsTo } = renderPage({
      "speaker.create": (input) => ({ id: uuid(2), ...(input as Omit<Speaker, "id">) }),
    });
    await user.click(await screen.findByRole("button", { name: "Ajouter un·e intervenant·e" }));
    await user.type(screen.getByRole("textbox", { name: "Nom" }), "Inès Martin");
    await user.click(screen.getByRole("button", { name: "Ajouter une indisponibilité" }));

    const row = screen.getByRole("group", { name: "Indisponibilité 1" });
    await user.selectOptions(
      within(row).getByRole("combobox", { name: "Jour" }),
      "vendredi 23 janvier",
    );
    const from = within(row).getByLabelText("De");
    const to = within(row).getByLabelText("À");
    await user.type(from, "10:00");
    await user.type(to, "09:30");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    // The domain's own rule, shown next to the end time.
    expect(await within(row).findByText("La fin doit être après le début.")).toBeTruthy();
    expect(to.getAttribute("aria-invalid")).toBe("true");
    expect(callsTo("speaker.create")).toHaveLength(0);

    await user.clear(to);
    await user.type(to, "12:30");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Fiche de Inès Martin créée.")).toBeTruthy();
    expect(callsTo("speaker.create")[0]?.input).toEqual({
      name: "Inès Martin",
      affiliation: "",
      bio: "",
      unavailable: [
        { startsAt: "2026-01-23T09:00:00.000Z", endsAt: "2026-01-23T11:30:00.000Z", reason: "" },
      ],
    });
  });

  it("asks for the times of a window before anything else", async () => {
    const { user, callsTo } = renderPage();
    await user.click(await screen.findByRole("button", { name: "Modifier Camille Durand" }));
    await user.click(screen.getByRole("button", { name: "Ajouter une indisponibilité" }));
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    const row = screen.getByRole("group", { name: "Indisponibilité 2" });
    expect(await within(row).findAllByText("Indiquez une heure.")).toHaveLength(2);
    expect(callsTo("speaker.update")).toHaveLength(0);
  });

  it("edits and removes windows, sending SpeakerUpdate", async () => {
    const { user, callsTo } = renderPage({
      "speaker.update": (input) => input,
    });
    await user.click(await screen.findByRole("button", { name: "Modifier Camille Durand" }));
    const row = screen.getByRole("group", { name: "Indisponibilité 1" });
    expect((within(row).getByLabelText("De") as HTMLInputElement).value).toBe("14:00");
    await user.click(within(row).getByRole("button", { name: "Retirer l'indisponibilité 1" }));
    expect(screen.queryByRole("group", { name: "Indisponibilité 1" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() =>
      expect(callsTo("speaker.update")[0]?.input).toEqual({
        id: uuid(1),
        name: "Camille Durand",
        affiliation: "CHU de Dijon",
        bio: "",
        unavailable: [],
      }),
    );
  });

  it("deletes a speaker still in a session after confirmation", async () => {
    const { user, callsTo } = renderPage({
      "speaker.delete": (input) => {
        const { id, confirm } = input as { id: string; confirm: boolean };
        if (!confirm) {
          throw new ApiRefusal(
            "referenced",
            "Camille Durand intervient dans 2 sessions. Confirmez pour la ou le retirer de ces sessions et supprimer sa fiche.",
          );
        }
        speakers = [];
        return { id, detachedSessions: 2 };
      },
    });
    await user.click(await screen.findByRole("button", { name: "Supprimer Camille Durand" }));
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));
    await user.click(await within(dialog).findByRole("button", { name: "Supprimer quand même" }));
    expect(
      await screen.findByText("Fiche de Camille Durand supprimée. Retiré·e de 2 sessions."),
    ).toBeTruthy();
    expect(callsTo("speaker.delete").map((c) => (c.input as { confirm: boolean }).confirm)).toEqual(
      [false, true],
    );
    expect(
      await screen.findByText(
        "Aucun·e intervenant·e pour l'instant. Ajoutez-en avec « Ajouter un·e intervenant·e » ci-dessus.",
      ),
    ).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import { editionStatus, type Room } from "@tribune/domain/congress";
import { beforeEach, describe, expect, it } from "vitest";
import { ApiRefusal, EDITION, EDITION_VIEW, renderWithApi, uuid } from "../../../testing/api";
import RoomsPage from "./RoomsPage";

let rooms: Room[];

beforeEach(() => {
  rooms = [
    {
      id: uuid(1),
      editionId: EDITION.id,
      name: "Amphi Romanée Conti",
      capacity: 600,
      order: 1,
      days: [],
    },
    {
      id: uuid(4),
      editionId: EDITION.id,
      name: "Salle 4",
      capacity: null,
      order: 2,
      days: ["2026-01-22"],
    },
  ];
});

function renderPage(extra: Record<string, (input: unknown) => unknown> = {}) {
  return renderWithApi(<RoomsPage />, {
    handlers: {
      "edition.current": () => EDITION_VIEW,
      "room.list": () => rooms,
      ...extra,
    },
  });
}

describe("RoomsPage", () => {
  it("reads an archived edition's rooms with no way to change them, and says why", async () => {
    const archived = { ...EDITION, archivedAt: "2026-03-01T10:00:00.000Z" };
    renderPage({
      "edition.current": () => ({ ...archived, status: editionStatus(archived, new Date()) }),
    });
    expect(await screen.findByRole("row", { name: /Amphi Romanée Conti/ })).toBeTruthy();
    expect(
      screen.getByText("L'édition 2026 est archivée : elle se consulte mais ne se modifie plus."),
    ).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Ajouter une salle" }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(screen.queryByRole("button", { name: /Modifier/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Supprimer/ })).toBeNull();
  });

  it("says the edition has no room yet and how to add one, instead of a bare header", async () => {
    rooms = [];
    renderPage();
    expect(
      await screen.findByText(
        "Aucune salle pour cette édition. Ajoutez-en une avec « Ajouter une salle » ci-dessus.",
      ),
    ).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("lists the rooms with their capacity and the days they are open", async () => {
    renderPage();
    const amphi = await screen.findByRole("row", { name: /Amphi Romanée Conti/ });
    expect(within(amphi).getByText("tous les jours")).toBeTruthy();
    expect(within(amphi).getByText("600 places")).toBeTruthy();
    const salle4 = screen.getByRole("row", { name: /Salle 4/ });
    expect(within(salle4).getByText("jeudi 22 janvier")).toBeTruthy();
    expect(within(salle4).getByText("non renseignée")).toBeTruthy();
  });

  it("checks a new room with the API's schema, in French, before sending it", async () => {
    const { user, callsTo } = renderPage({
      "room.create": (input) => {
        const room = { id: uuid(9), ...(input as Omit<Room, "id">) };
        rooms = [...rooms, room];
        return room;
      },
    });
    await user.click(await screen.findByRole("button", { name: "Ajouter une salle" }));
    const name = screen.getByRole("textbox", { name: "Nom" });
    await waitFor(() => expect(document.activeElement).toBe(name));
    const capacity = screen.getByRole("spinbutton", { name: /Capacité/ });
    await user.type(capacity, "12.5");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    expect(await screen.findByText("Le nom de la salle est obligatoire.")).toBeTruthy();
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("La capacité doit être un entier positif.")).toBeTruthy();
    expect(callsTo("room.create")).toHaveLength(0);

    await user.type(name, "Salle 5 : Chambertin");
    await user.clear(capacity);
    await user.type(capacity, "80");
    await user.click(screen.getByRole("checkbox", { name: "vendredi 23 janvier" }));
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    expect(await screen.findByText("Salle « Salle 5 : Chambertin » créée.")).toBeTruthy();
    expect(callsTo("room.create")[0]?.input).toEqual({
      editionId: EDITION.id,
      name: "Salle 5 : Chambertin",
      capacity: 80,
      order: 3,
      days: ["2026-01-23"],
    });
    // The list was invalidated, so the new room shows up.
    expect(await screen.findByRole("row", { name: /Chambertin/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Enregistrer" })).toBeNull();
    // Back where the person started.
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Ajouter une salle" }));
  });

  it("edits a room with RoomUpdate and shows the server's refusal next to the field", async () => {
    const { user, callsTo } = renderPage({
      "room.update": () => {
        throw new ApiRefusal("invalid", "Ce nom est déjà pris.", {
          name: ["Ce nom est déjà pris."],
        });
      },
    });
    await user.click(await screen.findByRole("button", { name: "Modifier Salle 4" }));
    expect(screen.getByRole("region", { name: "Modifier « Salle 4 »" })).toBeTruthy();
    const name = screen.getByRole("textbox", { name: "Nom" });
    expect((name as HTMLInputElement).value).toBe("Salle 4");
    expect(
      (screen.getByRole("checkbox", { name: "jeudi 22 janvier" }) as HTMLInputElement).checked,
    ).toBe(true);
    await user.clear(name);
    await user.type(name, "Amphi Romanée Conti");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    await waitFor(() => expect(screen.getAllByText("Ce nom est déjà pris.")).toHaveLength(2));
    expect(callsTo("room.update")[0]?.input).toEqual({
      id: uuid(4),
      name: "Amphi Romanée Conti",
      capacity: null,
      order: 2,
      days: ["2026-01-22"],
    });
    expect(name.getAttribute("aria-invalid")).toBe("true");
  });

  it("deletes a room still in use only once the person confirms the consequences", async () => {
    const { user, callsTo } = renderPage({
      "room.delete": (input) => {
        const { id, confirm } = input as { id: string; confirm: boolean };
        if (!confirm) {
          throw new ApiRefusal(
            "referenced",
            "La salle « Amphi Romanée Conti » accueille 3 sessions. Confirmez pour la supprimer et la retirer de ces sessions.",
          );
        }
        rooms = rooms.filter((room) => room.id !== id);
        return { id, detachedSessions: 3 };
      },
    });
    await user.click(await screen.findByRole("button", { name: "Supprimer Amphi Romanée Conti" }));
    const dialog = screen.getByRole("dialog", {
      name: "Supprimer la salle « Amphi Romanée Conti » ?",
    });
    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));

    expect(await within(dialog).findByText(/accueille 3 sessions\./)).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Supprimer quand même" }));

    expect(
      await screen.findByText(
        "Salle « Amphi Romanée Conti » supprimée. Elle a été retirée de 3 sessions.",
      ),
    ).toBeTruthy();
    expect(callsTo("room.delete").map((call) => call.input)).toEqual([
      { id: uuid(1), confirm: false },
      { id: uuid(1), confirm: true },
    ]);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.queryByRole("row", { name: /Amphi/ })).toBeNull();
    // The button that opened the dialog went with the row: the focus lands on the heading.
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Salles", level: 1 }));
  });
});

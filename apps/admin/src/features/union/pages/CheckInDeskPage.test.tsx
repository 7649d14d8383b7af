import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { EDITION_VIEW, registration, renderWithApi, uuid } from "../../../testing/api";
import CheckInDeskPage from "./CheckInDeskPage";

// The live counters are a server-sent stream: not what these tests are about.
vi.mock("../hooks/useLiveCounts", () => ({
  useLiveCounts: () => ({ data: undefined, status: "idle", error: null }),
}));

const lea = (checkedInAt: string) => registration({ status: "checked_in", checkedInAt });

const desk = (handlers: Record<string, (input: unknown) => unknown>) =>
  renderWithApi(<CheckInDeskPage />, {
    handlers: {
      "edition.current": () => EDITION_VIEW,
      "subdivision.options": () => [{ id: uuid(1), name: "Lille" }],
      "checkIn.recent": () => [],
      "checkIn.search": () => [],
      ...handlers,
    },
  });

describe("CheckInDeskPage", () => {
  it("clears the « déjà enregistré·e » warning as soon as the next search starts", async () => {
    const { user } = desk({
      "checkIn.byCode": () => ({
        registration: lea("2026-01-22T07:12:00.000Z"),
        alreadyCheckedIn: true,
        message: "Léa Martin : déjà enregistré·e à 08:12.",
      }),
    });
    const box = await screen.findByLabelText("Nom, e-mail ou code d'inscription");
    await user.type(box, "K7QM-3XPA{Enter}");
    expect(await screen.findByText("Léa Martin : déjà enregistré·e à 08:12.")).toBeTruthy();
    await user.type(box, "Du");
    expect(screen.queryByText("Léa Martin : déjà enregistré·e à 08:12.")).toBeNull();
  });

  it("says when nobody matches the search, and clears it back to an empty box", async () => {
    const { user } = desk({});
    const box = await screen.findByLabelText("Nom, e-mail ou code d'inscription");
    await user.type(box, "Zorro");
    expect(await screen.findByText(/^Aucune inscription ne correspond à « Zorro »\./)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Effacer la recherche" }));
    expect((box as HTMLInputElement).value).toBe("");
    expect(document.activeElement).toBe(box);
    expect(screen.queryByText(/Aucune inscription ne correspond/)).toBeNull();
  });

  it("takes back a check-in just made, from the welcome banner", async () => {
    const { user, callsTo } = desk({
      "checkIn.byCode": () => ({
        registration: lea(new Date().toISOString()),
        alreadyCheckedIn: false,
        message: "Bienvenue, Léa Martin ! Arrivée enregistrée.",
      }),
      "checkIn.undo": () => ({ ...lea(""), status: "registered", checkedInAt: null }),
    });
    const box = await screen.findByLabelText("Nom, e-mail ou code d'inscription");
    await user.type(box, "K7QM-3XPA{Enter}");
    await user.click(
      await screen.findByRole("button", { name: "Annuler l'arrivée de Léa Martin" }),
    );
    expect(
      await screen.findByText("Arrivée de Léa Martin annulée : place toujours réservée."),
    ).toBeTruthy();
    expect(callsTo("checkIn.undo")[0]?.input).toEqual({ registrationId: uuid(9) });
  });
});

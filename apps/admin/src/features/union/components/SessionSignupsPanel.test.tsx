import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { EDITION, registration, renderWithApi, uuid } from "../../../testing/api";
import { SessionSignupsPanel } from "./SessionSignupsPanel";

const WORKSHOP = uuid(40);
const places = {
  sessionId: WORKSHOP,
  title: "1,2,3 rempla",
  kind: "boite_a_outils",
  startsAt: "2026-01-22T13:30:00.000Z",
  endsAt: "2026-01-22T15:00:00.000Z",
  capacity: 1,
  confirmed: 1,
  waitlisted: 0,
  placesLeft: 0,
};
const person = registration({
  id: uuid(50),
  code: "ABCD-EFGH",
  yearOfTraining: 2,
  registeredAt: "2026-01-02T10:00:00.000Z",
  confirmedAt: "2026-01-02T10:00:00.000Z",
});

describe("SessionSignupsPanel", () => {
  it("adds someone by hand, found by name, and raises the places", async () => {
    const { user, callsTo } = renderWithApi(
      <SessionSignupsPanel editionId={EDITION.id} manager />,
      {
        handlers: {
          "signup.overview": () => [places],
          "signup.list": () => ({ places, items: [] }),
          "registration.list": () => ({ items: [person], total: 1 }),
          "signup.add": () => ({
            sessionId: WORKSHOP,
            title: places.title,
            status: "waitlisted",
            waitlistPosition: 1,
            alreadySignedUp: false,
          }),
          "signup.setCapacity": () => ({
            places: { ...places, capacity: 2, confirmed: 2, placesLeft: 0 },
            promoted: [{}],
          }),
        },
      },
    );
    // Open from the start: the places are what organisers come for.
    await user.click(
      await screen.findByRole("button", { name: /Voir les inscrits de 1,2,3 rempla/ }),
    );
    await user.click(await screen.findByRole("button", { name: "Ajouter à la main" }));
    await user.type(screen.getByLabelText(/Personne à inscrire/), "lea");
    const results = await screen.findByRole("list", { name: "Personnes trouvées" });
    await user.click(within(results).getByRole("button", { name: "Inscrire Léa Martin" }));
    expect(
      await screen.findByText("Léa Martin inscrit·e à « 1,2,3 rempla » : liste d'attente (n° 1)."),
    ).toBeTruthy();
    expect(callsTo("signup.add")[0]?.input).toMatchObject({
      registrationId: person.id,
      sessionId: WORKSHOP,
      idempotencyKey: expect.any(String),
    });

    // The places are set in the session's row of the table.
    const placesInput = screen.getByLabelText("Places de « 1,2,3 rempla »");
    await user.clear(placesInput);
    await user.type(placesInput, "2");
    await user.click(
      screen.getByRole("button", { name: "Enregistrer les places de « 1,2,3 rempla »" }),
    );
    expect(
      await screen.findByText(
        "2 places pour « 1,2,3 rempla ». 1 personne passée de la liste d'attente à une place confirmée.",
      ),
    ).toBeTruthy();
    expect(callsTo("signup.setCapacity")[0]?.input).toEqual({ sessionId: WORKSHOP, capacity: 2 });
  });

  it("sets the places of every workshop of a room at once, and says how many changed", async () => {
    const { user, callsTo } = renderWithApi(
      <SessionSignupsPanel editionId={EDITION.id} manager />,
      {
        handlers: {
          "signup.overview": () => [places],
          "room.list": () => [
            { id: uuid(7), editionId: EDITION.id, name: "Salle 2", capacity: 40 },
          ],
          "session.setCapacities": (input) =>
            (input as { capacity: number }).capacity === 1
              ? { places: [places], promoted: [{}, {}] }
              : { places: [places, { ...places, sessionId: uuid(41) }], promoted: [] },
        },
      },
    );
    const bulk = await screen.findByRole("form", { name: "Places en masse" });
    await user.selectOptions(within(bulk).getByLabelText("Type"), "atelier");
    await user.selectOptions(
      within(bulk).getByLabelText("Salle"),
      await within(bulk).findByRole("option", { name: "Salle 2" }),
    );
    await user.type(within(bulk).getByLabelText("Places"), "25");
    await user.click(within(bulk).getByRole("button", { name: "Appliquer" }));
    expect(await screen.findByText("2 sessions : 25 places.")).toBeTruthy();
    expect(callsTo("session.setCapacities")[0]?.input).toEqual({
      editionId: EDITION.id,
      kind: "atelier",
      roomId: uuid(7),
      capacity: 25,
    });
    // French puts 1 in the singular: one session, one place, and the people it moved.
    await user.clear(within(bulk).getByLabelText("Places"));
    await user.type(within(bulk).getByLabelText("Places"), "1");
    await user.click(within(bulk).getByRole("button", { name: "Appliquer" }));
    expect(
      await screen.findByText(
        "1 session : 1 place. 2 personnes passées de la liste d'attente à une place confirmée.",
      ),
    ).toBeTruthy();
  });

  it("refuses negative places on the field, before anything is sent", async () => {
    const { user, callsTo } = renderWithApi(
      <SessionSignupsPanel editionId={EDITION.id} manager />,
      {
        handlers: {
          "signup.overview": () => [places],
          "room.list": () => [],
          "session.setCapacities": () => ({ places: [], promoted: [] }),
          "signup.setCapacity": () => ({ places, promoted: [] }),
        },
      },
    );
    const bulk = await screen.findByRole("form", { name: "Places en masse" });
    await user.type(within(bulk).getByLabelText("Places"), "-3");
    await user.click(within(bulk).getByRole("button", { name: "Appliquer" }));
    expect(await within(bulk).findByRole("alert")).toHaveProperty(
      "textContent",
      "Le nombre de places ne peut pas être négatif.",
    );
    expect(within(bulk).getByLabelText("Places").getAttribute("aria-invalid")).toBe("true");

    const row = screen.getByLabelText("Places de « 1,2,3 rempla »");
    await user.clear(row);
    await user.type(row, "-1");
    await user.click(
      screen.getByRole("button", { name: "Enregistrer les places de « 1,2,3 rempla »" }),
    );
    expect(
      await screen.findByText("Le nombre de places ne peut pas être négatif.", {
        selector: `#${row.id}-error`,
      }),
    ).toBeTruthy();
    expect(callsTo("session.setCapacities")).toHaveLength(0);
    expect(callsTo("signup.setCapacity")).toHaveLength(0);
  });

  it("reads only on an archived edition: no places to set", async () => {
    renderWithApi(<SessionSignupsPanel editionId={EDITION.id} manager readOnly />, {
      handlers: { "signup.overview": () => [places] },
    });
    expect(await screen.findByRole("cell", { name: /^1,2,3 rempla/ })).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Places en masse" })).toBeNull();
    expect(screen.queryByLabelText(/Places de/)).toBeNull();
  });
});

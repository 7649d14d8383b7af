import { screen } from "@testing-library/react";
import type { AttendeeSpace } from "@tribune/domain/union";
import { describe, expect, it } from "vitest";
import { ApiRefusal, renderWithApi, uuid } from "../../../testing/api";
import AttendeeSpacePage from "./AttendeeSpacePage";

const space = (overrides: Partial<AttendeeSpace["registration"]> = {}): AttendeeSpace => ({
  token: "jeton-signe",
  calendarToken: "jeton-agenda",
  registration: {
    code: "K7QM-3XPA",
    firstName: "Inès",
    lastName: "Roux",
    email: "ines.roux@exemple.fr",
    status: "waitlisted",
    waitlistPosition: 3,
    subdivisionId: uuid(1),
    subdivisionName: "Lille",
    yearOfTraining: 2,
    meals: true,
    gala: false,
    registeredAt: "2026-11-02T09:00:00.000Z",
    checkedInAt: null,
    ...overrides,
  },
  edition: {
    year: 2027,
    number: 27,
    theme: "Soigner demain",
    city: "Nantes",
    venue: "Cité des congrès",
    firstDay: "2027-01-21",
    lastDay: "2027-01-22",
  },
  may: { edit: true, cancel: true, signUp: false, badge: false, certificate: false },
  notice: null,
});

const subdivisions = () => [
  { id: uuid(1), name: "Lille" },
  { id: uuid(2), name: "Nancy" },
];

describe("AttendeeSpacePage", () => {
  it("opens with code and e-mail, shows the waitlist position and saves the options", async () => {
    const { user, callsTo } = renderWithApi(<AttendeeSpacePage />, {
      route: "/public/mon-inscription",
      handlers: {
        "attendee.open": () => space(),
        "attendee.get": () => space(),
        "attendee.update": () => space({ subdivisionId: uuid(2), subdivisionName: "Nancy" }),
        "subdivision.options": subdivisions,
      },
    });
    await user.type(await screen.findByLabelText(/Code d'inscription/), "k7qm 3xpa");
    await user.type(screen.getByLabelText("Adresse e-mail"), "ines.roux@exemple.fr");
    await user.click(screen.getByRole("button", { name: "Ouvrir mon espace" }));

    expect(await screen.findByText("Position 3 sur la liste d'attente")).toBeTruthy();
    expect(callsTo("attendee.open")[0]?.input).toEqual({
      code: "k7qm 3xpa",
      email: "ines.roux@exemple.fr",
    });
    // The badge comes with a confirmed place only.
    expect(screen.queryByRole("link", { name: /badge/ })).toBeNull();
    expect(screen.queryByRole("link", { name: "Ajouter à mon agenda" })).toBeNull();

    await user.selectOptions(await screen.findByLabelText("Subdivision"), "Nancy");
    await user.click(screen.getByRole("checkbox", { name: "Soirée de gala" }));
    await user.click(screen.getByRole("button", { name: "Enregistrer mes options" }));
    expect(await screen.findByText("Vos options sont enregistrées.")).toBeTruthy();
    expect(callsTo("attendee.update")[0]?.input).toEqual({
      token: "jeton-signe",
      subdivisionId: uuid(2),
      yearOfTraining: 2,
      meals: true,
      gala: true,
    });
  });

  it("says what is wrong with the code and the address on their fields, before asking", async () => {
    const { user, callsTo } = renderWithApi(<AttendeeSpacePage />, {
      route: "/public/mon-inscription",
      handlers: { "attendee.open": () => space() },
    });
    const code = await screen.findByLabelText(/Code d'inscription/);
    await user.type(code, "K7QM-3XP");
    await user.type(screen.getByLabelText("Adresse e-mail"), "ines.roux");
    await user.click(screen.getByRole("button", { name: "Ouvrir mon espace" }));
    expect(
      await screen.findByText("Code d'inscription invalide (8 caractères, par exemple K7QM-3XPA)."),
    ).toBeTruthy();
    expect(code.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Adresse e-mail").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(code);
    expect(callsTo("attendee.open")).toHaveLength(0);
  });

  it("says the same thing for a wrong code or a wrong address", async () => {
    const { user } = renderWithApi(<AttendeeSpacePage />, {
      route: "/public/mon-inscription",
      handlers: {
        "attendee.open": () => {
          throw new ApiRefusal(
            "not_found",
            "Aucune inscription ne correspond à ce code et à cette adresse.",
          );
        },
      },
    });
    await user.type(await screen.findByLabelText(/Code d'inscription/), "ZZZZ-ZZZZ");
    await user.type(screen.getByLabelText("Adresse e-mail"), "x@exemple.fr");
    await user.click(screen.getByRole("button", { name: "Ouvrir mon espace" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /Aucune inscription ne correspond/,
    );
  });

  it("asks for a confirmation before cancelling, from the link's token", async () => {
    const confirmed = space({ status: "registered", waitlistPosition: null });
    confirmed.may = { ...confirmed.may, badge: true };
    const { user, callsTo } = renderWithApi(<AttendeeSpacePage />, {
      route: "/public/mon-inscription?jeton=jeton-signe",
      handlers: {
        "attendee.get": () => confirmed,
        "attendee.cancel": () => ({
          ...space({ status: "cancelled", waitlistPosition: null }),
          may: { edit: false, cancel: false, signUp: false, badge: false, certificate: false },
          notice: "Votre inscription est annulée : elle ne peut plus être modifiée.",
        }),
        "subdivision.options": subdivisions,
      },
    });
    const badge = await screen.findByRole("link", { name: "Télécharger mon badge (PDF)" });
    expect(badge.getAttribute("href")).toBe("/api/mon-inscription/badge.pdf?jeton=jeton-signe");
    // A confirmed place: the programme in one's calendar app, with the feed's own token.
    const calendar = screen.getByRole("link", { name: "Ajouter à mon agenda" });
    expect(calendar.getAttribute("href")).toMatch(
      /^webcal:\/\/[^/]+\/api\/mon-inscription\/agenda\.ics\?jeton=jeton-agenda$/,
    );
    await user.click(screen.getByRole("button", { name: "Annuler mon inscription…" }));
    expect(callsTo("attendee.cancel")).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Oui, annuler mon inscription" }));
    expect(await screen.findByText(/Votre inscription est annulée/)).toBeTruthy();
    expect(callsTo("attendee.cancel")[0]?.input).toEqual({ token: "jeton-signe", confirm: true });
  });
});

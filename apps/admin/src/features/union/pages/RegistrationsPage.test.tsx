import { screen, within } from "@testing-library/react";
import type { Role } from "@tribune/domain/auth";
import { describe, expect, it, vi } from "vitest";
import { EDITION_VIEW, registration, renderWithApi, uuid } from "../../../testing/api";
import RegistrationsPage from "./RegistrationsPage";

const lea = registration();

type ListInput = {
  subdivisionId?: string;
  status?: string;
  search?: string;
  offset?: number;
  limit?: number;
};

/**
 * The filters above the list (a <search> element, which this DOM gives no role): the
 * organisers' documents have a subdivision select of their own.
 */
const filterBar = () => screen.getByLabelText("Rechercher").closest("search") as HTMLElement;

/** 150 registrations in all (two pages of 100), of which only Léa is shown; filters narrow. */
function renderPage(role: Role) {
  const view = renderWithApi(<RegistrationsPage />, {
    handlers: {
      "auth.me": () => ({ id: uuid(50), email: `${role}@tribune.demo`, role }),
      "edition.current": () => EDITION_VIEW,
      "subdivision.options": () => [{ id: uuid(1), name: "Lille" }],
      "registration.capacity": () => ({
        confirmed: 1,
        capacity: null,
        waitlisted: 0,
        checkedIn: 0,
      }),
      "signup.overview": () => [],
      "registration.list": (input) => {
        const { status, search } = input as ListInput;
        const matches = (!status || status === lea.status) && (!search || /martin/i.test(search));
        return matches
          ? { items: [lea], total: status || search ? 1 : 150 }
          : { items: [], total: 0 };
      },
    },
  });
  // The page's own list (100 a page), not the sign-up panel's search.
  const listed = () =>
    view.callsTo("registration.list").filter((c) => (c.input as ListInput).limit === 100);
  return { ...view, lastListed: () => listed().at(-1)?.input as ListInput };
}

describe("RegistrationsPage filters", () => {
  it("searches from the first page, filters by status, and clears both to list everyone", async () => {
    const { user, lastListed } = renderPage("organiser");
    await screen.findByRole("row", { name: /MARTIN Léa/ });
    // Counts in French: 0 and 1 in the singular.
    expect(screen.getByText("150 inscriptions")).toBeTruthy();
    expect(screen.getByText("1 place confirmée · 0 en liste d'attente · 0 arrivé·e")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Suivants" }));
    await vi.waitFor(() => expect(lastListed().offset).toBe(100));

    await user.type(screen.getByLabelText("Rechercher"), "martin");
    await vi.waitFor(() => expect(lastListed()).toMatchObject({ search: "martin", offset: 0 }));
    expect(await screen.findByText("1 inscription")).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Statut"), "Liste d'attente");
    expect(await screen.findByText(/^Aucune inscription ne correspond/)).toBeTruthy();
    expect(screen.getByText("0 inscription")).toBeTruthy();
    expect(lastListed()).toMatchObject({ status: "waitlisted", search: "martin" });

    await user.click(screen.getByRole("button", { name: "Effacer les filtres" }));
    await screen.findByRole("row", { name: /MARTIN Léa/ });
    expect(lastListed()).not.toHaveProperty("status");
    expect(lastListed()).not.toHaveProperty("search");
    expect((screen.getByLabelText("Rechercher") as HTMLInputElement).value).toBe("");
  });

  it("filters by subdivision for organisers; a representative lists their own one only", async () => {
    const organiser = renderPage("organiser");
    await screen.findByRole("row", { name: /MARTIN Léa/ });
    await organiser.user.selectOptions(within(filterBar()).getByLabelText("Subdivision"), "Lille");
    await vi.waitFor(() =>
      expect(organiser.lastListed()).toMatchObject({ subdivisionId: uuid(1) }),
    );
    organiser.unmount();

    renderPage("representative");
    await screen.findByRole("row", { name: /MARTIN Léa/ });
    // Once the page knows who is there, the representative's bar has no subdivision to choose.
    await vi.waitFor(() => expect(within(filterBar()).queryByLabelText("Subdivision")).toBeNull());
    expect(within(filterBar()).getByLabelText("Rechercher")).toBeTruthy();
  });
});

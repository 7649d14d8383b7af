import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApi, uuid } from "../../../testing/api";
import MembersPage from "./MembersPage";

const camille = {
  id: uuid(7),
  firstName: "Camille",
  lastName: "Durand",
  email: "camille.durand@exemple.fr",
  subdivisionId: uuid(1),
  yearOfTraining: 2,
  membershipStatus: "active",
  membershipYear: 2026,
  synthetic: false,
};

function renderPage(route: string, members: (typeof camille)[]) {
  return renderWithApi(<MembersPage />, {
    route,
    handlers: {
      "auth.me": () => ({ id: uuid(50), email: "organiser@tribune.demo", role: "organiser" }),
      "subdivision.options": () => [{ id: uuid(1), name: "Lille" }],
      "member.list": (input) => {
        const { yearOfTraining } = input as { yearOfTraining?: number };
        const items = members.filter((m) => !yearOfTraining || m.yearOfTraining === yearOfTraining);
        return { items, total: items.length };
      },
    },
  });
}

describe("MembersPage when nothing is listed", () => {
  it("says no member matches the filters, and clears them to show everyone again", async () => {
    const { user, callsTo } = renderPage("/adherents?annee=4", [camille]);
    expect(await screen.findByText(/^Aucun·e adhérent·e ne correspond/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Effacer les filtres" }));
    expect(await screen.findByRole("row", { name: /DURAND Camille/ })).toBeTruthy();
    expect(callsTo("member.list").at(-1)?.input).not.toHaveProperty("yearOfTraining");
  });

  it("says the union has no member yet and how to add or import some", async () => {
    renderPage("/adherents", []);
    expect(
      await screen.findByText(
        "Aucun·e adhérent·e enregistré·e. Ajoutez-en avec « Ajouter un·e adhérent·e » ci-dessus, ou importez un fichier CSV ci-dessous.",
      ),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Effacer les filtres" })).toBeNull();
    expect(screen.getByText("0 adhérent·e")).toBeTruthy();
  });
});

describe("MembersPage count", () => {
  it("counts the members in French: 1 in the singular, 2 in the plural", async () => {
    const { unmount } = renderPage("/adherents", [camille]);
    expect(await screen.findByText("1 adhérent·e")).toBeTruthy();
    unmount();
    renderPage("/adherents", [camille, { ...camille, id: uuid(8), firstName: "Alex" }]);
    expect(await screen.findByText("2 adhérent·es")).toBeTruthy();
  });
});

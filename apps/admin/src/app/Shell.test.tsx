import { act, screen, within } from "@testing-library/react";
import type { Role } from "@tribune/domain/auth";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { renderWithApi, uuid } from "../testing/api";
import { NAV, Shell } from "./Shell";

function renderShell(role: Role, route = "/") {
  return renderWithApi(
    <Routes>
      <Route element={<Shell />}>
        <Route path="*" element={<p>Page</p>} />
      </Route>
    </Routes>,
    {
      route,
      handlers: {
        "auth.me": () => ({
          id: uuid(9),
          email: `${role}@tribune.test`,
          displayName: `Démo ${role}`,
          role,
          subdivisionId: null,
        }),
      },
    },
  );
}

const mainNav = () => screen.getByRole("navigation", { name: "Navigation principale" });

async function linksSeenBy(role: Role) {
  const { user } = renderShell(role);
  await screen.findByText(`Démo ${role}`, { exact: false });
  const seen = new Set<string>();
  const collect = () => {
    for (const link of within(mainNav()).queryAllByRole("link")) {
      seen.add(link.textContent ?? "");
    }
  };
  collect();
  for (const button of within(mainNav()).queryAllByRole("button")) {
    await user.click(button);
    collect();
  }
  return seen;
}

describe("Shell navigation", () => {
  it.each<Role>(["admin", "organiser", "bureau", "press", "representative", "member"])(
    "shows %s exactly the entries NAV allows them",
    async (role) => {
      const seen = await linksSeenBy(role);
      const expected = NAV.filter((entry) => entry.roles.includes(role)).map(
        (entry) => entry.label,
      );
      expect([...seen].sort()).toEqual([...expected].sort());
    },
  );

  it("groups the entries: a press account gets Congrès and Presse, no Adhérent·es", async () => {
    renderShell("press");
    await screen.findByText("Démo press", { exact: false });
    const nav = mainNav();
    expect(within(nav).getByRole("button", { name: "Congrès" })).toBeTruthy();
    expect(within(nav).getByRole("button", { name: "Presse" })).toBeTruthy();
    expect(within(nav).queryByRole("button", { name: "Adhérent·es" })).toBeNull();
    expect(within(nav).getByRole("link", { name: "Enquêtes" })).toBeTruthy();
    expect(within(nav).queryByRole("link", { name: "Journal des modifications" })).toBeNull();
  });

  it("opens a group from the keyboard, moves through it with the arrows, closes on Escape", async () => {
    const { user } = renderShell("admin");
    await screen.findByText("Démo admin", { exact: false });
    const congres = within(mainNav()).getByRole("button", { name: "Congrès" });
    expect(congres.getAttribute("aria-expanded")).toBe("false");
    expect(within(mainNav()).queryByRole("link", { name: "Salles" })).toBeNull();

    // Tab reaches the button (after the skip link and the brand), Enter opens the menu.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(congres);
    await user.keyboard("{Enter}");
    expect(congres.getAttribute("aria-expanded")).toBe("true");
    const menu = document.getElementById(congres.getAttribute("aria-controls") ?? "");
    if (!menu) throw new Error("no menu");
    expect(
      within(menu)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual([
      "Programme",
      "Salles",
      "Intervenant·es",
      "Partenaires",
      "Éditions",
      "Inscriptions",
      "Accueil (arrivées)",
    ]);

    // Tab goes into the menu; the arrows move between its links.
    await user.tab();
    expect(document.activeElement).toBe(within(menu).getByRole("link", { name: "Programme" }));
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(within(menu).getByRole("link", { name: "Salles" }));
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(document.activeElement).toBe(
      within(menu).getByRole("link", { name: "Accueil (arrivées)" }),
    );

    // Escape closes the menu and gives the focus back to its button.
    await user.keyboard("{Escape}");
    expect(congres.getAttribute("aria-expanded")).toBe("false");
    expect(menu.hidden).toBe(true);
    expect(document.activeElement).toBe(congres);

    // ArrowDown on the closed button opens it on its first link.
    await user.keyboard("{ArrowDown}");
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(congres.getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement).toBe(within(menu).getByRole("link", { name: "Programme" }));
  });

  it("keeps one group open at a time, and closes it when the focus or a click leaves it", async () => {
    const { user } = renderShell("admin");
    await screen.findByText("Démo admin", { exact: false });
    const nav = mainNav();
    const congres = within(nav).getByRole("button", { name: "Congrès" });
    const adherents = within(nav).getByRole("button", { name: "Adhérent·es" });
    await user.click(congres);
    await user.click(adherents);
    expect(congres.getAttribute("aria-expanded")).toBe("false");
    expect(adherents.getAttribute("aria-expanded")).toBe("true");
    expect(within(nav).getByRole("link", { name: "Subdivisions" })).toBeTruthy();

    await user.click(screen.getByText("Page"));
    expect(adherents.getAttribute("aria-expanded")).toBe("false");

    // Tabbing past the last link of a menu closes it.
    await user.click(congres);
    await user.tab();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement?.textContent).toBe("Partenaires");
    expect(congres.getAttribute("aria-expanded")).toBe("true");
    await user.tab();
    expect(document.activeElement?.textContent).toBe("Éditions");
    // Attendees sit with the congress, not with the union's members.
    await user.tab();
    expect(document.activeElement?.textContent).toBe("Inscriptions");
    await user.tab();
    expect(document.activeElement?.textContent).toBe("Accueil (arrivées)");
    await user.tab();
    expect(document.activeElement).toBe(adherents);
    expect(congres.getAttribute("aria-expanded")).toBe("false");

    await user.click(adherents);
    await user.click(within(nav).getByRole("link", { name: "Subdivisions" }));
    expect(adherents.getAttribute("aria-expanded")).toBe("false");
  });

  it("marks the group of the current page and keeps the public pages in a secondary navigation", async () => {
    renderShell("organiser", "/salles");
    await screen.findByText("Démo organiser", { exact: false });
    expect(within(mainNav()).getByRole("button", { name: "Congrès" }).className).toContain(
      "active",
    );
    expect(within(mainNav()).queryByRole("link", { name: "Programme public" })).toBeNull();
    const publicPages = screen.getByRole("navigation", { name: "Pages publiques" });
    expect(within(publicPages).getByRole("link", { name: "Programme public" })).toBeTruthy();
    expect(within(publicPages).getByRole("link", { name: "Inscription publique" })).toBeTruthy();
  });
});

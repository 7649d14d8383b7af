import { screen, waitFor, within } from "@testing-library/react";
import { type Edition, editionStatus } from "@tribune/domain/congress";
import { Link, Route, Routes, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { EDITION, renderWithApi, uuid } from "../testing/api";
import { useEdition } from "./edition";
import { Shell } from "./Shell";

const NOW = new Date("2026-12-07T10:00:00Z");
const view = (edition: Edition) => ({ ...edition, status: editionStatus(edition, NOW) });
const E2026 = view(EDITION);
const E2027 = view({
  ...EDITION,
  id: uuid(2027),
  number: 27,
  year: 2027,
  theme: "Former demain",
  firstDay: "2027-01-21",
  lastDay: "2027-01-22",
  registrationOpensOn: null,
});
const E2025 = view({
  ...EDITION,
  id: uuid(2025),
  number: 25,
  year: 2025,
  firstDay: "2025-01-23",
  lastDay: "2025-01-24",
  archivedAt: "2025-03-01T10:00:00.000Z",
});
const ALL = [E2025, E2026, E2027];

/** A page showing the edition it got from the one hook, and where the router is. */
function Probe() {
  const edition = useEdition();
  const location = useLocation();
  return (
    <>
      <p data-testid="shown">{edition.data ? `Édition montrée : ${edition.data.year}` : "…"}</p>
      <p data-testid="where">{location.pathname + location.search}</p>
      <Link to="/inscriptions">Lien sans édition</Link>
    </>
  );
}

function renderShell(route: string) {
  return renderWithApi(
    <Routes>
      <Route element={<Shell />}>
        <Route path="*" element={<Probe />} />
      </Route>
    </Routes>,
    {
      route,
      handlers: {
        "auth.me": () => ({
          id: uuid(9),
          email: "organiser@tribune.test",
          displayName: "Démo organiser",
          role: "organiser",
          subdivisionId: null,
        }),
        "edition.list": () => ALL,
        // The API's rule decides (here: the 2027 edition, the next to come).
        "edition.current": () => E2027,
        "edition.byYear": (input) => {
          const found = ALL.find((e) => e.year === (input as { year: number }).year);
          if (!found) throw new Error("unexpected year");
          return found;
        },
      },
    },
  );
}

const switcher = () => screen.getByRole("combobox", { name: "Édition" }) as HTMLSelectElement;

describe("Edition switcher", () => {
  it("opens on the API's current edition and lists every edition with its state", async () => {
    renderShell("/programme");
    expect((await screen.findByTestId("shown")).textContent).toBe("…");
    await waitFor(() =>
      expect(screen.getByTestId("shown").textContent).toBe("Édition montrée : 2027"),
    );
    await waitFor(() => expect(switcher().value).toBe("2027"));
    expect(
      within(switcher())
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["2027 · en préparation", "2026 · terminée", "2025 · archivée"]);
  });

  it("puts the choice in the URL, and every page and link follows it", async () => {
    const { user, callsTo } = renderShell("/programme?jour=2027-01-22");
    await waitFor(() => expect(switcher().value).toBe("2027"));
    await user.selectOptions(switcher(), "2026");

    await waitFor(() =>
      expect(screen.getByTestId("shown").textContent).toBe("Édition montrée : 2026"),
    );
    expect(screen.getByTestId("where").textContent).toBe("/programme?jour=2027-01-22&edition=2026");
    expect(callsTo("edition.byYear").at(-1)?.input).toEqual({ year: 2026 });

    // The navigation's links carry the edition …
    await user.click(screen.getByRole("button", { name: "Congrès" }));
    expect(screen.getByRole("link", { name: "Salles" }).getAttribute("href")).toBe(
      "/salles?edition=2026",
    );
    // … the public pages' links too …
    expect(screen.getByRole("link", { name: "Programme public" }).getAttribute("href")).toBe(
      "/public/programme?edition=2026",
    );
    // … and a link that does not gets it back: the page stays on 2026.
    await user.click(screen.getByRole("link", { name: "Lien sans édition" }));
    await waitFor(() =>
      expect(screen.getByTestId("where").textContent).toBe("/inscriptions?edition=2026"),
    );
    expect(screen.getByTestId("shown").textContent).toBe("Édition montrée : 2026");
  });

  it("opens the edition a shared address names", async () => {
    renderShell("/inscriptions?edition=2025");
    await waitFor(() =>
      expect(screen.getByTestId("shown").textContent).toBe("Édition montrée : 2025"),
    );
    await waitFor(() => expect(switcher().value).toBe("2025"));
  });
});

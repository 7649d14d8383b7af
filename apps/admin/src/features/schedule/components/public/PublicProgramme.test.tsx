import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { ProgrammeEntry } from "@tribune/domain/schedule";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { EDITION } from "../../testing";
import { PublicProgramme } from "./PublicProgramme";

afterEach(cleanup);

/** The page links to the other public pages: it needs a router. */
const renderPage = (page: ReactElement) => render(<MemoryRouter>{page}</MemoryRouter>);

const entry = (over: Partial<ProgrammeEntry>): ProgrammeEntry => ({
  id: "00000003-0000-4000-8000-000000000001",
  day: "2026-01-22",
  start: "09:00",
  end: "10:00",
  startsAt: "2026-01-22T08:00:00.000Z",
  endsAt: "2026-01-22T09:00:00.000Z",
  kind: "pleniere",
  title: "Plénière d'ouverture",
  description: "",
  rooms: ["Amphi Romanée Conti"],
  wholeVenue: true,
  speakers: [],
  themes: [],
  partner: null,
  ...over,
});

const entries = [
  entry({}),
  entry({
    id: "00000003-0000-4000-8000-000000000002",
    day: "2026-01-23",
    start: "14:30",
    end: "16:30",
    kind: "boite_a_outils",
    title: "Décoloniser la Santé",
    rooms: ["Salle 3 : Musigny – Pommard – Volnay"],
    wholeVenue: false,
    speakers: ["Camille Martin", "Inès Diallo"],
    partner: "Filieris",
  }),
];

describe("PublicProgramme", () => {
  it("says « Programme en préparation » instead of an empty grid while nothing is published", () => {
    renderPage(<PublicProgramme edition={EDITION} entries={[]} inPreparation />);
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Programme en préparation");
    expect(screen.queryByRole("navigation", { name: "Jours du programme" })).toBeNull();
    expect(screen.queryByText("Le programme sera publié prochainement.")).toBeNull();
  });

  it("presents the edition in French: theme, venue, city and dates", () => {
    renderPage(<PublicProgramme edition={EDITION} entries={entries} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(
      "Demain se soigne aujourd'hui",
    );
    expect(screen.getByText(/Palais des congrès de Dijon, Dijon/).textContent).toContain(
      "du jeudi 22 au vendredi 23 janvier 2026",
    );
  });

  it("lists each day's sessions with time, kind, place, speakers and partner", () => {
    renderPage(<PublicProgramme edition={EDITION} entries={entries} />);
    const [thursday, friday] = screen.getAllByRole("region");
    expect(within(thursday as HTMLElement).getByRole("heading", { level: 2 }).textContent).toBe(
      "Jeudi 22 janvier",
    );
    expect(thursday?.textContent).toContain("09:00–10:00");
    expect(thursday?.textContent).toContain("Amphi Romanée Conti");
    expect(thursday?.textContent).not.toContain("Tout le lieu");
    const card = within(friday as HTMLElement).getByRole("article");
    expect(card.textContent).toContain("14:30–16:30");
    expect(card.textContent).toContain("Boîte à outils");
    expect(card.textContent).toContain("Avec Camille Martin, Inès Diallo");
    expect(card.textContent).toContain("Partenaire : Filieris");
    expect(screen.getByRole("link", { name: "Vendredi 23 janvier" }).getAttribute("href")).toBe(
      "#jour-2026-01-23",
    );
  });

  it("finds sessions by a word without its accents, by kind and by room, and says how many", () => {
    renderPage(<PublicProgramme edition={EDITION} entries={entries} />);
    expect(screen.getByRole("status").textContent).toBe("2 sessions");
    fireEvent.change(screen.getByLabelText("Rechercher une session"), {
      target: { value: "decoloniser" },
    });
    expect(screen.getByRole("status").textContent).toBe("1 session correspond");
    expect(screen.queryByText("Plénière d'ouverture")).toBeNull();
    expect(screen.getByText("Décoloniser la Santé")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Effacer la recherche" }));
    fireEvent.change(screen.getByLabelText("Espace"), {
      target: { value: "Amphi Romanée Conti" },
    });
    expect(screen.getByText("Plénière d'ouverture")).toBeTruthy();
    expect(screen.queryByText("Décoloniser la Santé")).toBeNull();
    fireEvent.change(screen.getByLabelText("Type"), { target: { value: "boite_a_outils" } });
    expect(screen.getByText(/Aucune session ne correspond/)).toBeTruthy();
  });

  it("offers to register and shows no developer-facing format", () => {
    renderPage(<PublicProgramme edition={EDITION} entries={entries} />);
    expect(screen.getByRole("link", { name: "S'inscrire au congrès" }).getAttribute("href")).toBe(
      "/public/inscription",
    );
    expect(screen.queryByText(/JSON/)).toBeNull();
    expect(screen.getByRole("option", { name: "Tous les espaces" })).toBeTruthy();
  });

  it("says when nothing is published yet", () => {
    renderPage(<PublicProgramme edition={EDITION} entries={[]} />);
    expect(screen.getByText("Le programme sera publié prochainement.")).toBeTruthy();
  });
});

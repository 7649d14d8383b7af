import { screen, waitFor } from "@testing-library/react";
import { type Edition, editionStatus } from "@tribune/domain/congress";
import { describe, expect, it } from "vitest";
import { EDITION, renderWithApi, uuid } from "../../../testing/api";
import PublicProgrammePage from "./PublicProgrammePage";

const NOW = new Date("2026-12-07T10:00:00Z");
const E2027: Edition = {
  ...EDITION,
  id: uuid(2027),
  number: 27,
  year: 2027,
  theme: "Former demain",
  firstDay: "2027-01-21",
  lastDay: "2027-01-22",
  registrationOpensOn: null,
};
const view = (edition: Edition) => ({ ...edition, status: editionStatus(edition, NOW) });
const ENTRY = {
  id: uuid(31),
  day: "2026-01-22",
  start: "09:00",
  end: "10:00",
  startsAt: "2026-01-22T08:00:00.000Z",
  endsAt: "2026-01-22T09:00:00.000Z",
  kind: "pleniere",
  title: "Plénière d'ouverture",
  description: "",
  rooms: ["Amphi"],
  wholeVenue: true,
  speakers: [],
  themes: [],
  partner: null,
};

function renderPage(route: string) {
  return renderWithApi(<PublicProgrammePage />, {
    route,
    handlers: {
      "edition.current": () => view(E2027),
      "edition.byYear": (input) =>
        view((input as { year: number }).year === 2026 ? EDITION : E2027),
      "schedule.programme": (input) => {
        const year = (input as { year: number }).year;
        const edition = year === 2026 ? EDITION : E2027;
        const status = editionStatus(edition, NOW);
        return year === 2026
          ? { edition, entries: [ENTRY], status, inPreparation: false }
          : { edition, entries: [], status, inPreparation: true };
      },
    },
  });
}

describe("PublicProgrammePage", () => {
  it("opens on the current edition and says its programme is in preparation, not an empty grid", async () => {
    const { callsTo } = renderPage("/public/programme");
    expect(await screen.findByRole("heading", { name: "Programme en préparation" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Former demain");
    expect(screen.getByText(/27e congrès sera publié ici/)).toBeTruthy();
    expect(callsTo("schedule.programme")[0]?.input).toEqual({ year: 2027 });
  });

  it("shows the edition the address names", async () => {
    const { callsTo } = renderPage("/public/programme?edition=2026");
    expect(await screen.findByText("Plénière d'ouverture")).toBeTruthy();
    expect(screen.queryByText("Programme en préparation")).toBeNull();
    await waitFor(() => expect(callsTo("edition.byYear")[0]?.input).toEqual({ year: 2026 }));
    expect(callsTo("edition.current")).toHaveLength(0);
  });
});

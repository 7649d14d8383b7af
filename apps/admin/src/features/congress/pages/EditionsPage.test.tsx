import { screen, waitFor, within } from "@testing-library/react";
import type { Role } from "@tribune/domain/auth";
import { type Edition, editionStatus } from "@tribune/domain/congress";
import { formatEuros } from "@tribune/domain/format";
import { describe, expect, it } from "vitest";
import { ApiRefusal, EDITION, renderWithApi, uuid } from "../../../testing/api";
import EditionsPage from "./EditionsPage";

const NOW = new Date();
const view = (edition: Edition, budgetEuros?: number) => ({
  ...edition,
  ...(budgetEuros !== undefined && { budgetEuros }),
  status: editionStatus(edition, NOW),
});
// 2026 is over (the congress was in January 2026), 2025 archived.
const E2025: Edition = {
  ...EDITION,
  id: uuid(2025),
  number: 25,
  year: 2025,
  firstDay: "2025-01-23",
  lastDay: "2025-01-24",
  archivedAt: "2025-03-01T10:00:00.000Z",
};

function renderPage(role: Role, handlers: Record<string, (input: unknown) => unknown> = {}) {
  const budget = role === "admin" || role === "bureau";
  let editions = [
    view(EDITION, budget ? 270_000 : undefined),
    view(E2025, budget ? 250_000 : undefined),
  ];
  return renderWithApi(<EditionsPage />, {
    route: "/editions",
    handlers: {
      "auth.me": () => ({
        id: uuid(9),
        email: `${role}@tribune.test`,
        displayName: `Démo ${role}`,
        role,
        subdivisionId: null,
      }),
      "edition.list": () => editions,
      "registration.capacity": () => ({
        capacity: 1000,
        confirmed: 0,
        waitlisted: 0,
        checkedIn: 0,
      }),
      "edition.archive": (input) => {
        const archived = { ...EDITION, archivedAt: NOW.toISOString() };
        editions = editions.map((e) =>
          e.id === (input as { id: string }).id ? view(archived) : e,
        );
        return view(archived);
      },
      ...handlers,
    },
  });
}

const rowOf = async (year: number) => {
  const table = await screen.findByRole("table", { name: "Éditions du congrès" });
  const row = within(table)
    .getAllByRole("row")
    .find((r) => within(r).queryByRole("rowheader")?.textContent?.startsWith(String(year)));
  if (!row) throw new Error(`no row for ${year}`);
  return row;
};

describe("EditionsPage", () => {
  it("lists the editions with their state and registration window, budgets for the bureau only", async () => {
    renderPage("bureau");
    const row2026 = await rowOf(2026);
    expect(row2026.textContent).toContain("Terminée");
    expect(row2026.textContent).toContain("Du jeudi 22 au vendredi 23 janvier 2026");
    expect(row2026.textContent).toContain("À partir du 1er octobre 2025, sans date de clôture");
    expect(row2026.textContent).toContain(formatEuros(270_000));
    expect((await rowOf(2025)).textContent).toContain("Archivée");
    // The bureau reads: no creating, editing or archiving.
    expect(screen.queryByRole("button", { name: "Nouvelle édition" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Modifier/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Archiver/ })).toBeNull();
  });

  it("creates the next edition from the previous one, with what to copy, and says what was copied", async () => {
    const { user, callsTo } = renderPage("organiser", {
      "edition.createFrom": (input) => {
        const { fromYear: _f, copy: _c, ...fields } = input as Edition & Record<string, unknown>;
        return {
          edition: view({ ...EDITION, ...fields, id: uuid(2027) }),
          copied: {
            fromYear: 2026,
            rooms: 4,
            sessions: 12,
            sessionsLeftOut: [],
            sections: 9,
            surveys: ["temps-de-travail-2027"],
            partners: 5,
          },
        };
      },
    });
    expect(screen.queryByRole("columnheader", { name: "Budget" })).toBeNull();
    await user.click(await screen.findByRole("button", { name: "Nouvelle édition" }));

    // Filled from 2026: the next number and year, the same weekdays a year on.
    const from = (await screen.findByRole("combobox", {
      name: /À partir de l'édition/,
    })) as HTMLSelectElement;
    await waitFor(() => expect(from.value).toBe("2026"));
    expect(
      (screen.getByRole("spinbutton", { name: /Numéro du congrès/ }) as HTMLInputElement).value,
    ).toBe("27");
    expect((screen.getByRole("spinbutton", { name: "Année" }) as HTMLInputElement).value).toBe(
      "2027",
    );
    expect((screen.getByLabelText("Premier jour") as HTMLInputElement).value).toBe("2027-01-21");
    expect((screen.getByLabelText("Dernier jour") as HTMLInputElement).value).toBe("2027-01-22");
    // An organiser never sees the budget.
    expect(screen.queryByRole("spinbutton", { name: /Budget/ })).toBeNull();

    const theme = screen.getByRole("textbox", { name: "Thème" });
    await user.clear(theme);
    await user.type(theme, "Former demain");
    await user.click(screen.getByRole("checkbox", { name: /La trame du programme/ }));
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    await waitFor(() => expect(callsTo("edition.createFrom")).toHaveLength(1));
    expect(callsTo("edition.createFrom")[0]?.input).toEqual({
      fromYear: 2026,
      number: 27,
      year: 2027,
      theme: "Former demain",
      subtitle: "",
      city: "Dijon",
      venue: "Palais des congrès",
      firstDay: "2027-01-21",
      lastDay: "2027-01-22",
      timeZone: "Europe/Paris",
      expectedAttendance: 1000,
      capacity: 1000,
      registrationOpensOn: null,
      registrationClosesOn: null,
      copy: { partners: true, surveys: true, programme: true },
    });
    const status = await screen.findByText(/Édition 2027 créée à partir de 2026/);
    expect(status.textContent).toContain(
      "4 salles, 9 sections du dossier de presse en brouillon, 12 sessions en brouillon, 1 questionnaire en brouillon (temps-de-travail-2027), 5 partenaires.",
    );
    expect(
      screen.getByRole("link", { name: "Travailler sur l'édition 2027" }).getAttribute("href"),
    ).toBe("/programme?edition=2027");
  });

  it("creates a blank edition, checking it with the API's schema first", async () => {
    const { user, callsTo } = renderPage("admin", {
      "edition.create": (input) => view({ ...EDITION, ...(input as Edition), id: uuid(2027) }, 0),
    });
    await user.click(await screen.findByRole("button", { name: "Nouvelle édition" }));
    await user.selectOptions(
      await screen.findByRole("combobox", { name: /À partir de l'édition/ }),
      "",
    );
    await waitFor(() =>
      expect((screen.getByRole("textbox", { name: "Thème" }) as HTMLInputElement).value).toBe(""),
    );
    expect(screen.queryByRole("checkbox", { name: /Les partenaires/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Le thème est obligatoire.")).toBeTruthy();
    expect(callsTo("edition.create")).toHaveLength(0);

    await user.type(screen.getByRole("textbox", { name: "Thème" }), "Soigner ensemble");
    await user.type(screen.getByRole("textbox", { name: "Ville" }), "Lyon");
    await user.type(screen.getByRole("textbox", { name: "Lieu" }), "Centre des congrès");
    await user.type(screen.getByLabelText("Premier jour"), "2027-01-21");
    await user.type(screen.getByLabelText("Dernier jour"), "2027-01-22");
    await user.type(screen.getByRole("spinbutton", { name: /Budget/ }), "300000");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(callsTo("edition.create")).toHaveLength(1));
    expect(callsTo("edition.create")[0]?.input).toMatchObject({
      number: 27,
      year: 2027,
      theme: "Soigner ensemble",
      city: "Lyon",
      firstDay: "2027-01-21",
      budgetEuros: 300000,
    });
    expect(await screen.findByText(/Édition 2027 créée\./)).toBeTruthy();
  });

  it("edits an edition, sending only what changed, and shows the server's refusal on its field", async () => {
    let refuse = true;
    const { user, callsTo } = renderPage("admin", {
      "edition.update": (input) => {
        if (refuse) {
          refuse = false;
          throw new ApiRefusal("invalid", "La clôture des inscriptions précède leur ouverture.", {
            registrationClosesOn: ["La clôture des inscriptions précède leur ouverture."],
          });
        }
        return view({ ...EDITION, ...(input as Partial<Edition>) }, 280_000);
      },
    });
    await user.click(await screen.findByRole("button", { name: "Modifier l'édition 2026" }));
    const theme = await screen.findByRole("textbox", { name: "Thème" });
    expect((theme as HTMLInputElement).value).toBe("Soigner demain");
    await user.clear(theme);
    await user.type(theme, "Soigner après-demain");
    const budget = screen.getByRole("spinbutton", { name: /Budget/ });
    await user.clear(budget);
    await user.type(budget, "280000");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    const closes = screen.getByLabelText(/Clôture des inscriptions/);
    await waitFor(() => expect(closes.getAttribute("aria-invalid")).toBe("true"));
    expect(callsTo("edition.update")[0]?.input).toEqual({
      id: EDITION.id,
      theme: "Soigner après-demain",
      budgetEuros: 280000,
    });
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Édition 2026 enregistrée.")).toBeTruthy();
  });

  it("archives an edition that is over after a confirmation (admin only); an archived one is no longer editable", async () => {
    const { user, callsTo } = renderPage("admin");
    const row2025 = await rowOf(2025);
    expect(within(row2025).queryByRole("button", { name: /Modifier/ })).toBeNull();
    expect(within(row2025).queryByRole("button", { name: /Archiver/ })).toBeNull();

    await user.click(
      within(await rowOf(2026)).getByRole("button", { name: "Archiver l'édition 2026" }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Archiver l'édition 2026 ?" });
    expect(dialog.textContent).toContain("se consulte mais ne se modifie plus");
    await user.click(within(dialog).getByRole("button", { name: "Archiver" }));

    await waitFor(() =>
      expect(callsTo("edition.archive")).toEqual([
        { path: "edition.archive", input: { id: EDITION.id } },
      ]),
    );
    expect(await screen.findByText(/Édition 2026 archivée/)).toBeTruthy();
    await waitFor(async () => expect((await rowOf(2026)).textContent).toContain("Archivée"));
    expect(within(await rowOf(2026)).queryByRole("button", { name: /Modifier/ })).toBeNull();
  });

  it("offers no archiving to organisers", async () => {
    renderPage("organiser");
    const row = await rowOf(2026);
    expect(within(row).getByRole("button", { name: "Modifier l'édition 2026" })).toBeTruthy();
    expect(within(row).queryByRole("button", { name: /Archiver/ })).toBeNull();
  });
});

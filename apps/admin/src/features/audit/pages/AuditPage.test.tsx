import { screen, waitFor, within } from "@testing-library/react";
import { type AuditEntry, describeAuditEntry } from "@tribune/domain/audit";
import { describe, expect, it } from "vitest";
import { EDITION, EDITION_VIEW, renderWithApi, uuid } from "../../../testing/api";
import AuditPage from "./AuditPage";

const amphi = {
  id: uuid(1),
  editionId: EDITION.id,
  name: "Amphi Romanée Conti",
  capacity: 600,
  order: 1,
  days: [],
};

const RAW = [
  {
    id: uuid(21),
    at: "2026-01-10T16:05:00.000Z",
    actorId: uuid(50),
    actorEmail: "organiser@tribune.demo",
    entity: "room",
    entityId: amphi.id,
    action: "update",
    before: amphi,
    after: { ...amphi, capacity: 650 },
  },
  {
    id: uuid(20),
    at: "2026-01-09T08:00:00.000Z",
    actorId: null,
    actorEmail: "système",
    entity: "partner",
    entityId: uuid(30),
    action: "create",
    before: null,
    after: { id: uuid(30), name: "Filieris", kind: "institution", website: "" },
  },
  {
    id: uuid(19),
    at: "2026-01-22T07:45:00.000Z",
    actorId: uuid(51),
    actorEmail: "accueil@tribune.demo",
    entity: "registration",
    entityId: uuid(40),
    action: "check_in",
    before: null,
    after: { status: "checked_in", checkedInAt: "2026-01-22T07:45:00.000Z" },
  },
  {
    id: uuid(18),
    at: "2026-01-21T19:00:00.000Z",
    actorId: null,
    actorEmail: null,
    entity: "registration",
    entityId: uuid(40),
    action: "update",
    before: null,
    after: { sessionSignup: { sessionId: uuid(41), status: "registered" } },
  },
] as const;
/** What the server sends: each entry with its description, ids named from the database. */
const NAMES = new Map([
  [uuid(40), "Camille Martin"],
  [uuid(41), "1,2,3 rempla"],
]);
const ENTRIES = RAW.map((entry) => ({
  ...entry,
  description: describeAuditEntry(entry as unknown as AuditEntry, NAMES),
}));

function renderPage(route = "/journal") {
  return renderWithApi(<AuditPage />, {
    route,
    handlers: {
      "audit.list": (input) => {
        const { entity } = input as { entity?: string };
        return ENTRIES.filter((e) => !entity || e.entity === entity);
      },
      "edition.current": () => EDITION_VIEW,
      "room.list": () => [amphi],
      "speaker.list": () => [],
      "partner.list": () => [],
    },
  });
}

describe("AuditPage", () => {
  it("says who changed what and when, with only the changed fields", async () => {
    renderPage();
    const update = await screen.findByRole("row", { name: /organiser@tribune\.demo/ });
    const cells = Array.from(update.children);
    expect(cells.map((c) => c.textContent)).toEqual([
      "10/01/2026 17:05",
      "organiser@tribune.demo",
      "Salle · modificationAmphi Romanée Conti",
      expect.stringMatching(/^Capacité : 600→devient650Détails/),
    ]);

    const creation = screen.getByRole("row", { name: /système/ });
    expect(within(creation).getByText("Partenaire · création")).toBeTruthy();
    expect(within(creation).getByText("Création de « Filieris ».")).toBeTruthy();
  });

  it("says who arrived and who signed up to what, and that the public acted online", async () => {
    renderPage();
    const arrival = await screen.findByRole("row", { name: /accueil@tribune\.demo/ });
    expect(
      within(arrival).getByText("Arrivée de Camille Martin enregistrée à l'accueil."),
    ).toBeTruthy();
    const signUp = screen.getByRole("row", { name: /public \(formulaire en ligne\)/ });
    expect(
      within(signUp).getByText("Camille Martin s'inscrit à « 1,2,3 rempla » (place confirmée)."),
    ).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Nouvelle fiche|\{"|sessionSignup/);
  });

  it("shows every field on demand, changed ones marked", async () => {
    const { user } = renderPage();
    const update = await screen.findByRole("row", { name: /organiser@tribune\.demo/ });
    const details = update.querySelector("details");
    expect(details?.open).toBe(false);
    await user.click(within(update).getByText("Détails"));
    expect(details?.open).toBe(true);
    const capacity = within(update).getByRole("row", { name: /Capacité \(modifié\)/ });
    expect(
      within(capacity)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["600", "650"]);
    expect(within(update).getByRole("row", { name: /^Nom Amphi/ })).toBeTruthy();
  });

  it("says when no entry matches the filters, and clears them", async () => {
    const { user, callsTo } = renderPage("/journal?entite=motion");
    expect(await screen.findByText(/^Aucune entrée ne correspond à ces filtres\./)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Effacer les filtres" }));
    expect(await screen.findByRole("row", { name: /organiser@tribune\.demo/ })).toBeTruthy();
    expect(callsTo("audit.list").at(-1)?.input).toEqual({ limit: 100 });
  });

  it("says an empty journal fills itself, with nothing to clear", async () => {
    renderWithApi(<AuditPage />, { route: "/journal", handlers: { "audit.list": () => [] } });
    expect(
      await screen.findByText(
        "Le journal est vide : chaque modification faite dans Tribune y sera inscrite.",
      ),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Effacer les filtres" })).toBeNull();
  });

  it("filters by element and by person through audit.list", async () => {
    const { user, callsTo } = renderPage();
    await screen.findByRole("row", { name: /organiser@tribune\.demo/ });

    await user.selectOptions(screen.getByRole("combobox", { name: "Élément" }), "Partenaire");
    await waitFor(() =>
      expect(callsTo("audit.list").at(-1)?.input).toEqual({ entity: "partner", limit: 100 }),
    );
    await waitFor(() =>
      expect(screen.queryByRole("row", { name: /organiser@tribune\.demo/ })).toBeNull(),
    );

    await user.type(screen.getByRole("textbox", { name: "Personne" }), "Organiser@tribune.demo ");
    await user.click(screen.getByRole("button", { name: "Filtrer" }));
    await waitFor(() =>
      expect(callsTo("audit.list").at(-1)?.input).toEqual({
        entity: "partner",
        actorEmail: "Organiser@tribune.demo",
        limit: 100,
      }),
    );

    await user.click(screen.getByRole("button", { name: "Effacer les filtres" }));
    await waitFor(() => expect(callsTo("audit.list").at(-1)?.input).toEqual({ limit: 100 }));
  });

  it("reads its filters from the address", async () => {
    const { callsTo } = renderPage("/journal?entite=room&personne=bureau%40tribune.demo");
    await waitFor(() =>
      expect(callsTo("audit.list")[0]?.input).toEqual({
        entity: "room",
        actorEmail: "bureau@tribune.demo",
        limit: 100,
      }),
    );
    expect((screen.getByRole("combobox", { name: "Élément" }) as HTMLSelectElement).value).toBe(
      "room",
    );
  });
});

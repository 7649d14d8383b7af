import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { EDITION, EDITION_VIEW, renderWithApi, uuid } from "../catalog/testing";
import AuditPage from "./AuditPage";

const amphi = {
  id: uuid(1),
  editionId: EDITION.id,
  name: "Amphi Romanée Conti",
  capacity: 600,
  order: 1,
  days: [],
};

const ENTRIES = [
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
    actorEmail: null,
    entity: "partner",
    entityId: uuid(30),
    action: "create",
    before: null,
    after: { id: uuid(30), name: "Filieris", kind: "institution", website: "" },
  },
];

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
    expect(within(creation).getByText("Nouvelle fiche.")).toBeTruthy();
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

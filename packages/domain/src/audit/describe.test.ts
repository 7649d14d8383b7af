import { describe, expect, it } from "vitest";
import { describeAuditEntry } from "./describe";
import type { AuditEntry } from "./entry";

const ID = "00000000-0000-4000-8000-000000000001";
const LILLE = "00000000-0000-4000-8000-000000000002";
const SESSION = "00000000-0000-4000-8000-000000000003";
const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: "00000000-0000-4000-8000-0000000000ff",
  at: "2026-01-22T13:30:00.000Z",
  actorId: "00000000-0000-4000-8000-0000000000aa",
  actorEmail: "bureau@isnar-img.com",
  entity: "survey",
  entityId: ID,
  action: "update",
  before: null,
  after: null,
  ...overrides,
});

describe("describeAuditEntry", () => {
  it("translates fields and stored codes, in Paris time, with names instead of ids", () => {
    const d = describeAuditEntry(
      entry({
        before: {
          id: ID,
          title: "Temps de travail",
          status: "draft",
          updatedBy: "a@x.fr",
          subdivisionId: LILLE,
          updatedAt: "2026-01-22T13:30:00.000Z",
        },
        after: {
          id: ID,
          title: "Temps de travail",
          status: "open",
          updatedBy: "b@x.fr",
          subdivisionId: LILLE,
          updatedAt: "2026-01-22T15:00:00.000Z",
        },
      }),
      new Map([[LILLE, "Lille"]]),
    );
    expect(d.what).toBe("Enquête · modification");
    expect(d.name).toBe("Temps de travail");
    expect(d.changes.map((c) => `${c.label} : ${c.before} → ${c.after}`)).toEqual([
      "Statut : brouillon → ouverte",
      "Modifié le : 22/01/2026 14:30 → 22/01/2026 16:00",
      "Modifié par : a@x.fr → b@x.fr",
    ]);
  });

  it("says who arrived at a check-in, and that the public acted through a form", () => {
    const checkIn = describeAuditEntry(
      entry({ entity: "registration", action: "check_in", after: { status: "checked_in" } }),
      new Map([[ID, "Camille Martin"]]),
    );
    expect(checkIn.summary).toBe("Arrivée de Camille Martin enregistrée à l'accueil.");
    expect(checkIn.changes).toEqual([]);
    const signUp = describeAuditEntry(
      entry({
        actorId: null,
        actorEmail: null,
        entity: "registration",
        after: { sessionSignup: { sessionId: SESSION, status: "waitlisted" } },
      }),
      new Map([
        [ID, "Camille Martin"],
        [SESSION, "1,2,3 rempla"],
      ]),
    );
    expect(signUp.actor).toBe("public (formulaire en ligne)");
    expect(signUp.summary).toBe("Camille Martin s'inscrit à « 1,2,3 rempla » (liste d'attente).");
    expect(describeAuditEntry(entry({ actorEmail: "système", actorId: null })).actor).toBe(
      "système",
    );
  });

  it("says what an export gave, never as JSON", () => {
    const d = describeAuditEntry(
      entry({
        entity: "registration",
        action: "export",
        after: { filters: { status: "registered" }, rows: 120 },
      }),
    );
    expect(d.summary).toBe("Export des inscriptions : 120 lignes.");
    const created = describeAuditEntry(
      entry({
        action: "create",
        after: {
          title: "Santé mentale",
          opensOn: "2026-02-01",
          questions: [{ id: "q", label: "Âge" }],
        },
      }),
    );
    const shown = created.changes.map((c) => `${c.label} : ${c.after}`);
    expect(shown).toEqual([
      "Titre : Santé mentale",
      "Ouverture : dimanche 1er février 2026",
      "Questions : libellé : Âge",
    ]);
    expect(shown.join()).not.toMatch(/[{}"]/);
  });
});

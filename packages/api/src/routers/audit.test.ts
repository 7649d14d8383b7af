import { recordAudit } from "@tribune/db/repos/audit";
import { testBackends } from "@tribune/db/testing";
import type {
  AuditAction,
  AuditDescription,
  AuditEntry,
  AuditedEntity,
} from "@tribune/domain/audit";
import { instantFromLocal } from "@tribune/domain/kernel";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AMPHI,
  type Caller,
  EDITION_2026,
  rejection,
  SALLE_3,
  useSeededApi,
} from "../test-support";

const friday = (time: string) => instantFromLocal("2026-01-23", time);

interface Expected {
  entity: AuditedEntity;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
}

const created = (entity: AuditedEntity, after: { id: string }): Expected => ({
  entity,
  entityId: after.id,
  action: "create",
  before: null,
  after,
});
const updated = (entity: AuditedEntity, before: { id: string }, after: unknown): Expected => ({
  entity,
  entityId: before.id,
  action: "update",
  before,
  after,
});
const deleted = (entity: AuditedEntity, before: { id: string }): Expected => ({
  entity,
  entityId: before.id,
  action: "delete",
  before,
  after: null,
});

/** PGlite's clock ticks in milliseconds: entries of one test may share their time, so compare unordered. */
const byAction = (a: { action: string }, b: { action: string }) => a.action.localeCompare(b.action);

/** Every kind of mutation, and the audit entries it must leave. */
const MUTATIONS: [string, (c: Caller) => Promise<Expected[]>][] = [
  [
    "session create, update, move and delete",
    async (c) => {
      const { session } = await c.session.create({
        editionId: EDITION_2026,
        kind: "atelier",
        title: "Atelier audité",
        startsAt: friday("09:00"),
        endsAt: friday("10:30"),
        roomIds: [SALLE_3],
      });
      const renamed = (await c.session.update({ id: session.id, title: "Atelier renommé" }))
        .session;
      const moved = (
        await c.session.move({ id: session.id, startsAt: friday("11:30"), endsAt: friday("13:00") })
      ).session;
      await c.session.delete({ id: session.id });
      return [
        created("session", session),
        updated("session", session, renamed),
        { entity: "session", entityId: session.id, action: "move", before: renamed, after: moved },
        deleted("session", moved),
      ];
    },
  ],
  [
    "room create, update and delete",
    async (c) => {
      const room = await c.room.create({
        editionId: EDITION_2026,
        name: "Salle 6",
        capacity: 20,
        order: 6,
        days: [],
      });
      const renamed = await c.room.update({ id: room.id, name: "Salle 6 : Irancy" });
      await c.room.delete({ id: room.id });
      return [created("room", room), updated("room", room, renamed), deleted("room", renamed)];
    },
  ],
  [
    "speaker create, update and delete",
    async (c) => {
      const speaker = await c.speaker.create({ name: "Dr Léa Bernard" });
      const affiliated = await c.speaker.update({ id: speaker.id, affiliation: "ISNAR-IMG" });
      await c.speaker.delete({ id: speaker.id });
      return [
        created("speaker", speaker),
        updated("speaker", speaker, affiliated),
        deleted("speaker", affiliated),
      ];
    },
  ],
  [
    "partner create, update and delete",
    async (c) => {
      const partner = await c.partner.create({ name: "Région Bourgogne", kind: "collectivite" });
      const renamed = await c.partner.update({
        id: partner.id,
        name: "Région Bourgogne-Franche-Comté",
      });
      await c.partner.delete({ id: partner.id });
      return [
        created("partner", partner),
        updated("partner", partner, renamed),
        deleted("partner", renamed),
      ];
    },
  ],
];

describe.each(testBackends())("audit log on %s", (backend) => {
  const api = useSeededApi(backend);
  let organiser: Caller;
  let organiserEmail: string;
  const entriesFor = async (entity: AuditedEntity, entityId: string): Promise<AuditEntry[]> =>
    (await organiser.audit.list({ entity, limit: 500 })).filter((e) => e.entityId === entityId);

  beforeAll(async () => {
    organiser = await api.callerAs("organiser");
    organiserEmail = await api.accountOf("organiser");
  });

  it.each(MUTATIONS)("records %s with who did it, before and after", async (_, mutate) => {
    const expected = await mutate(organiser);
    const me = await organiser.auth.me();
    const [{ entity, entityId }] = expected as [Expected];
    const entries = await entriesFor(entity, entityId);
    const byWhom = {
      id: expect.any(String),
      at: expect.any(String),
      actorId: me?.id,
      actorEmail: organiserEmail,
      description: expect.objectContaining({ actor: organiserEmail }),
    };
    expect(entries.toSorted(byAction)).toEqual(
      expected.map((entry) => ({ ...entry, ...byWhom })).toSorted(byAction),
    );
  });

  it("describes each entry in French, rooms by name, in Paris time, never as ids", async () => {
    const { session } = await organiser.session.create({
      editionId: EDITION_2026,
      kind: "atelier",
      title: "Atelier décrit",
      startsAt: friday("09:00"),
      endsAt: friday("10:30"),
      roomIds: [SALLE_3],
    });
    await organiser.session.move({
      id: session.id,
      startsAt: friday("11:30"),
      endsAt: friday("13:00"),
      roomIds: [AMPHI],
    });
    const [moved] = await entriesFor("session", session.id);
    const { description } = moved as AuditEntry & { description: AuditDescription };
    expect(description).toMatchObject({ what: "Session · déplacement", name: "Atelier décrit" });
    const lines = description.changes.map((c) => `${c.label} : ${c.before} → ${c.after}`);
    expect(lines).toContain("Salles : Salle 3 : Musigny – Pommard – Volnay → Amphi Romanée Conti");
    expect(lines.find((l) => l.startsWith("Début"))).toMatch(/09:00 → .*11:30$/);
    expect(JSON.stringify(description)).not.toContain(AMPHI);
    await organiser.session.delete({ id: session.id });
  });

  it("records an account's creation by the system, without its password hash", async () => {
    const entries = await organiser.audit.list({ entity: "user" });
    expect(entries.map((e) => [e.actorEmail, e.action])).toContainEqual(["système", "create"]);
    expect(JSON.stringify(entries)).not.toMatch(/passwordHash|argon2/);
  });

  it("filters by entity", async () => {
    const rooms = await organiser.audit.list({ entity: "room" });
    expect(rooms.map((e) => e.action).toSorted()).toEqual(["create", "delete", "update"]);
  });

  it("filters by actor email, whatever its case", async () => {
    const admin = await api.callerAs("admin");
    const adminEmail = await api.accountOf("admin");
    const partner = await admin.partner.create({ name: "Ville de Dijon", kind: "collectivite" });

    const byAdmin = await organiser.audit.list({ actorEmail: adminEmail.toUpperCase() });
    expect(byAdmin.map((e) => [e.entityId, e.actorEmail])).toEqual([[partner.id, adminEmail]]);
    const byOrganiser = await organiser.audit.list({ actorEmail: organiserEmail });
    expect(byOrganiser).toHaveLength(16); // the mutations above (13, then the described move: 3), nothing else
    expect(byOrganiser.every((e) => e.actorEmail === organiserEmail)).toBe(true);
  });

  it("records nothing for a refused mutation", async () => {
    const member = await api.callerAs("member");
    await rejection(member.room.update({ id: AMPHI, name: "Salle des adhérents" }));
    await rejection(organiser.room.delete({ id: AMPHI }));
    expect(await entriesFor("room", AMPHI)).toEqual([]);
  });

  describe("entries about what the reader may not read", () => {
    const BY = { id: null, email: "bureau-audit@tribune.test" };
    beforeAll(async () => {
      const record = (entity: AuditedEntity, entityId: string, after: unknown) =>
        recordAudit(api.db, BY, { entity, entityId, action: "update", after });
      // Readable entries first, the secret ones last: the newest page is all secrets today.
      await record("room", AMPHI, { name: "Amphithéâtre Claude Bernard" });
      await record("survey", "enquete-lisible", { title: "Enquête lisible" });
      await record("motion", "motion-secrete", { text: "Texte secret de la motion" });
      await record("press_kit_section", "ouverture", { text: "Brouillon secret de l'édito" });
      await record("survey", "enquete-chiffres", { keyFigure: { label: "Chiffre secret" } });
    });
    const byBureau = (entries: AuditEntry[]) => entries.filter((e) => e.actorEmail === BY.email);

    it("an organiser reads none of them (motions, press-kit drafts, key figures)", async () => {
      for (const entity of ["motion", "press_kit_section"] as const)
        expect(byBureau(await organiser.audit.list({ entity }))).toEqual([]);
      const surveys = byBureau(await organiser.audit.list({ entity: "survey" }));
      expect(surveys.map((e) => e.entityId)).toEqual(["enquete-lisible"]);
      const all = JSON.stringify(await organiser.audit.list({ limit: 500 }));
      expect(all).not.toMatch(/secret/i);
    });

    it("filters them in the query, so that a page still holds the entries asked for", async () => {
      const page = await organiser.audit.list({ actorEmail: BY.email, limit: 2 });
      expect(page.map((e) => e.entityId)).toEqual(["enquete-lisible", AMPHI]);
    });

    it("an admin reads them all", async () => {
      const admin = await api.callerAs("admin");
      const entries = byBureau(await admin.audit.list({ actorEmail: BY.email }));
      expect(entries.map((e) => e.entity)).toEqual([
        "survey",
        "press_kit_section",
        "motion",
        "survey",
        "room",
      ]);
    });
  });

  it.each(["member", "press", "bureau"] as const)("is not readable by %s", async (role) => {
    const error = await rejection((await api.callerAs(role)).audit.list({}));
    expect(error.data).toMatchObject({ code: "FORBIDDEN", appCode: "forbidden" });
  });
});

import { instantFromLocal, localDay } from "@tribune/domain/kernel";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEditions } from "../repos/editions";
import { listPartners } from "../repos/people";
import { listPressKitSections, savePressKitSection } from "../repos/press-kit-sections";
import { listRooms } from "../repos/rooms";
import { listSessions } from "../repos/sessions";
import * as schema from "../schema";
import { type Backend, openTestDatabase, testBackends } from "../testing";
import { seedReferenceEdition } from "./reference";

const AMPHI = "Amphi Romanée Conti";
const SALLE_2 = "Salle 2 : Clos de Vougeot";
const SALLE_3 = "Salle 3 : Musigny – Pommard – Volnay";
const SALLE_4 = "Salle 4 : Meursault Nuits Corton";

describe.each(testBackends())("reference seed on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let created: boolean;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ({ created } = await seedReferenceEdition(database.db));
  });
  afterAll(() => database.close());

  async function edition2026() {
    const [edition] = await listEditions(database.db);
    if (!edition) throw new Error("no edition seeded");
    return edition;
  }

  it("loads the 26th congress, Dijon, 22–23 January 2026", async () => {
    expect(created).toBe(true);
    expect(await listEditions(database.db)).toEqual([
      expect.objectContaining({
        number: 26,
        year: 2026,
        city: "Dijon",
        firstDay: "2026-01-22",
        lastDay: "2026-01-23",
        timeZone: "Europe/Paris",
      }),
    ]);
  });

  it("creates the four rooms of the press kit, in its order", async () => {
    const rooms = await listRooms(database.db, (await edition2026()).id);
    expect(rooms.map((r) => r.name)).toEqual([AMPHI, SALLE_2, SALLE_3, SALLE_4]);
  });

  it("creates the partners named by the programme", async () => {
    const names = (await listPartners(database.db)).map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(["Groupe Pasteur Mutualité", "GIP Ma santé ma Région", "Filieris"]),
    );
  });

  it("loads the 34 sessions of LE PLANNING with the press kit's rooms and times", async () => {
    const edition = await edition2026();
    const sessions = await listSessions(database.db, edition.id);
    const roomName = new Map((await listRooms(database.db, edition.id)).map((r) => [r.id, r.name]));
    const partnerName = new Map((await listPartners(database.db)).map((p) => [p.id, p.name]));
    const find = (title: string, day: string) => {
      const session = sessions.find((s) => s.title === title && localDay(s.startsAt) === day);
      if (!session) throw new Error(`no session "${title}" on ${day}`);
      return {
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        rooms: session.roomIds.map((id) => roomName.get(id)),
        partner: session.partnerId ? partnerName.get(session.partnerId) : null,
      };
    };
    const at = (day: string, time: string) => instantFromLocal(day, time, "Europe/Paris");

    expect(sessions).toHaveLength(34);
    expect(sessions.every((s) => s.published)).toBe(true);
    expect(find("Conférence partenaire : Filieris", "2026-01-22")).toEqual({
      startsAt: "2026-01-22T14:30:00.000Z",
      endsAt: "2026-01-22T15:00:00.000Z",
      rooms: [SALLE_4],
      partner: "Filieris",
    });
    expect(find("1,2,3 rempla", "2026-01-22")).toMatchObject({
      startsAt: at("2026-01-22", "14:30"),
      endsAt: at("2026-01-22", "16:00"),
      rooms: [SALLE_3],
    });
    expect(find("Mieux communiquer pour mieux soigner ?", "2026-01-22")).toMatchObject({
      startsAt: at("2026-01-22", "16:30"),
      rooms: [SALLE_2],
    });
    expect(find("Décoloniser la Santé", "2026-01-23")).toMatchObject({
      startsAt: at("2026-01-23", "14:30"),
      endsAt: at("2026-01-23", "16:30"),
      rooms: [SALLE_3],
    });
    expect(find("Plénière d'ouverture", "2026-01-22")).toMatchObject({
      startsAt: "2026-01-22T08:00:00.000Z",
      rooms: [AMPHI],
    });
  });

  it("stores the press kit's eleven sections, validated, with the kit's texts", async () => {
    const sections = await listPressKitSections(database.db, (await edition2026()).id);
    expect(sections.map((s) => s.sectionId)).toEqual([
      "couverture",
      "sommaire",
      "ouverture",
      "temps-forts",
      "planning",
      "mot-presidente",
      "mot-bureau",
      "representer",
      "defendre",
      "informer",
      "contacts",
    ]);
    expect(sections.every((s) => s.status === "validated")).toBe(true);
    const opening = sections.find((s) => s.sectionId === "ouverture");
    expect(opening?.signature).toEqual({
      name: "Johanna TROVATELLO",
      role: "Chargée de mission Congrès",
    });
    expect(opening?.text).toContain(
      "**la 26e édition du Congrès national des internes de Médecine Générale**",
    );
  });

  it("fills in the contacts and flash topics of a kit stored before they were editable", async () => {
    const edition = await edition2026();
    const before = await listPressKitSections(database.db, edition.id);
    for (const section of before.filter((s) => ["contacts", "temps-forts"].includes(s.sectionId)))
      await database.db
        .update(schema.pressKitSections)
        .set({ text: "" })
        .where(
          and(
            eq(schema.pressKitSections.editionId, edition.id),
            eq(schema.pressKitSections.sectionId, section.sectionId),
          ),
        );
    await seedReferenceEdition(database.db);
    const after = await listPressKitSections(database.db, edition.id);
    expect(after).toEqual(before);
    expect(after.find((s) => s.sectionId === "contacts")?.text).toContain(
      "Site : www.isnar-img.com",
    );
    expect(after.find((s) => s.sectionId === "temps-forts")?.text).toBe(
      "4A\nAccès aux Soins\nSanté Mentale et Lutte contre les Discriminations",
    );
  });

  it("is idempotent: a second run creates nothing", async () => {
    const edition = await edition2026();
    const [cover] = await listPressKitSections(database.db, edition.id);
    if (!cover) throw new Error("no section");
    await savePressKitSection(
      database.db,
      edition.id,
      { ...cover, title: "Édité", status: "draft" },
      null,
    );
    expect(await seedReferenceEdition(database.db)).toEqual({ created: false });
    expect(await listEditions(database.db)).toHaveLength(1);
    expect(await listRooms(database.db, edition.id)).toHaveLength(4);
    expect(await listSessions(database.db, edition.id)).toHaveLength(34);
    // An edited section stays as edited, in draft.
    expect((await listPressKitSections(database.db, edition.id))[0]).toMatchObject({
      title: "Édité",
      status: "draft",
    });
  });
});

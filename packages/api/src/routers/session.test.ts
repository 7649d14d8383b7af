import { randomUUID } from "node:crypto";
import { testBackends } from "@tribune/db/testing";
import { instantFromLocal } from "@tribune/domain/kernel";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AMPHI,
  type Caller,
  EDITION_2026,
  REFERENCE,
  referenceSession,
  rejection,
  SALLE_3,
  useSeededApi,
} from "../test-support";

const FRIDAY = "2026-01-23";
const REMPLA = referenceSession("1,2,3 rempla");
const EVOLUTION = referenceSession(
  "Évolution de la pratique de la Médecine Générale et de la place du médecin généraliste",
);
const MARKET = referenceSession("La santé : un marché comme un autre ?");

/** A new workshop on Friday morning, when Salle 3 is free and the Amphi is taken. */
const workshop = (title: string, roomIds: string[]) => ({
  editionId: EDITION_2026,
  kind: "atelier" as const,
  title,
  startsAt: instantFromLocal(FRIDAY, "09:00"),
  endsAt: instantFromLocal(FRIDAY, "10:30"),
  roomIds,
});

/** The conflict of two sessions held in the same room at the same time, in either order. */
const clash = (roomId: string, ...sessionIds: string[]) =>
  expect.objectContaining({
    kind: "room_double_booked",
    roomId,
    sessionIds: expect.arrayContaining(sessionIds),
  });

describe.each(testBackends())("session procedures on %s", (backend) => {
  const api = useSeededApi(backend);
  let organiser: Caller;
  const count = async () => (await organiser.session.list({ editionId: EDITION_2026 })).length;

  beforeAll(async () => {
    organiser = await api.callerAs("organiser");
  });

  it("lists the 34 sessions of the 2026 programme", async () => {
    const sessions = await organiser.session.list({ editionId: EDITION_2026 });
    expect(sessions).toHaveLength(34);
    expect(sessions).toEqual(expect.arrayContaining(REFERENCE.sessions));
  });

  it("gets one session with its rooms and times", async () => {
    expect(await organiser.session.get({ id: REMPLA.id })).toEqual(REMPLA);
  });

  it("creates a valid session and reports no conflict", async () => {
    const before = await count();
    const { session, conflicts } = await organiser.session.create(
      workshop("Atelier ajouté", [SALLE_3]),
    );
    expect(session).toMatchObject({
      title: "Atelier ajouté",
      roomIds: [SALLE_3],
      published: false,
    });
    expect(conflicts).toEqual([]);
    expect(await organiser.session.get({ id: session.id })).toEqual(session);
    expect(await count()).toBe(before + 1);
  });

  it("saves a session that double-books the Amphi, and says so", async () => {
    const { session, conflicts } = await organiser.session.create(
      workshop("Atelier en double", [AMPHI]),
    );
    expect(await organiser.session.get({ id: session.id })).toEqual(session);
    expect(conflicts).toContainEqual(clash(AMPHI, MARKET.id, session.id));
  });

  it("moves “1,2,3 rempla” into the Amphi at its time, and reports the clash", async () => {
    const { session, conflicts } = await organiser.session.move({
      id: REMPLA.id,
      startsAt: REMPLA.startsAt,
      endsAt: REMPLA.endsAt,
      roomIds: [AMPHI],
    });
    expect(session.roomIds).toEqual([AMPHI]);
    expect(conflicts).toContainEqual(clash(AMPHI, EVOLUTION.id, REMPLA.id));
  });

  it("updates a title and leaves every other field as it was", async () => {
    const { session } = await organiser.session.update({
      id: EVOLUTION.id,
      title: "La médecine générale demain",
    });
    expect(session).toEqual({ ...EVOLUTION, title: "La médecine générale demain" });
    expect(await organiser.session.get({ id: EVOLUTION.id })).toEqual(session);
  });

  it("deletes a session", async () => {
    const { session } = await organiser.session.create(workshop("Atelier annulé", [SALLE_3]));
    const before = await count();
    expect(await organiser.session.delete({ id: session.id })).toEqual({ id: session.id });
    expect(await count()).toBe(before - 1);
    expect((await rejection(organiser.session.get({ id: session.id }))).data.code).toBe(
      "NOT_FOUND",
    );
  });

  it("rejects a session ending before it starts, on endsAt, in French", async () => {
    const input = {
      ...workshop("À l'envers", [SALLE_3]),
      endsAt: instantFromLocal(FRIDAY, "08:00"),
    };
    const error = await rejection(organiser.session.create(input));
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", appCode: "invalid" });
    expect(error.data.fieldErrors?.endsAt).toEqual(["La fin doit être après le début."]);
  });

  it("rejects an update whose merged times end before they start", async () => {
    const error = await rejection(
      organiser.session.update({ id: MARKET.id, endsAt: instantFromLocal(FRIDAY, "08:30") }),
    );
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", appCode: "invalid" });
    expect(error.data.fieldErrors?.endsAt).toEqual(["La fin doit être après le début."]);
    expect(await organiser.session.get({ id: MARKET.id })).toEqual(MARKET);
  });

  it.each([
    ["get", (c: Caller, id: string) => c.session.get({ id })],
    ["update", (c: Caller, id: string) => c.session.update({ id, title: "Rien" })],
    ["delete", (c: Caller, id: string) => c.session.delete({ id })],
  ])("answers NOT_FOUND to %s of an unknown session", async (_, call) => {
    const error = await rejection(call(organiser, randomUUID()));
    expect(error.message).toBe("Session introuvable.");
    expect(error.data).toMatchObject({ code: "NOT_FOUND", appCode: "not_found" });
  });

  it("refuses a room that belongs to no edition, and writes nothing", async () => {
    const before = await count();
    const error = await rejection(
      organiser.session.create(workshop("Salle fantôme", [randomUUID()])),
    );
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", appCode: "invalid" });
    expect(error.message).toBe("Une des salles choisies n'existe pas dans cette édition.");
    expect(await count()).toBe(before);
  });

  it("refuses a member's new session and writes nothing", async () => {
    const member = await api.callerAs("member");
    const before = await count();
    const error = await rejection(member.session.create(workshop("Par un adhérent", [SALLE_3])));
    expect(error.data).toMatchObject({ code: "FORBIDDEN", appCode: "forbidden" });
    expect(await count()).toBe(before);
  });

  it("lets the press read the programme, drafts included, but not change it", async () => {
    const press = await api.callerAs("press");
    expect(await press.session.list({ editionId: EDITION_2026 })).toHaveLength(await count());
    const error = await rejection(press.session.create(workshop("Par la presse", [SALLE_3])));
    expect(error.data).toMatchObject({ code: "FORBIDDEN", appCode: "forbidden" });
  });
});

import { randomUUID } from "node:crypto";
import { testBackends } from "@tribune/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Caller,
  EDITION_2026,
  referenceSession,
  rejection,
  SALLE_3,
  useSeededApi,
} from "../test-support";

const REMPLA = referenceSession("1,2,3 rempla");
const DECOLONISER = referenceSession("Décoloniser la Santé");

describe.each(testBackends())("room procedures on %s", (backend) => {
  const api = useSeededApi(backend);
  let organiser: Caller;
  let anonymous: Caller;
  const roomNames = async () =>
    (await anonymous.room.list({ editionId: EDITION_2026 })).map((r) => r.name);

  beforeAll(async () => {
    organiser = await api.callerAs("organiser");
    anonymous = await api.anonymous();
  });

  it("lists the four rooms of 2026 in order, to anyone", async () => {
    expect(await roomNames()).toEqual([
      "Amphi Romanée Conti",
      "Salle 2 : Clos de Vougeot",
      "Salle 3 : Musigny – Pommard – Volnay",
      "Salle 4 : Meursault Nuits Corton",
    ]);
  });

  it("creates, renames and deletes a room", async () => {
    const room = await organiser.room.create({
      editionId: EDITION_2026,
      name: "Salle 5 : Chablis",
      capacity: 40,
      order: 5,
      days: ["2026-01-23"],
    });
    expect(room).toMatchObject({ name: "Salle 5 : Chablis", capacity: 40, days: ["2026-01-23"] });
    expect(await roomNames()).toContain("Salle 5 : Chablis");

    const renamed = await organiser.room.update({ id: room.id, name: "Salle 5 : Aligoté" });
    expect(renamed).toEqual({ ...room, name: "Salle 5 : Aligoté" });

    expect(await organiser.room.delete({ id: room.id })).toEqual({
      id: room.id,
      detachedSessions: 0,
    });
    expect(await roomNames()).not.toContain("Salle 5 : Aligoté");
  });

  it("refuses a room for an edition that does not exist", async () => {
    const error = await rejection(
      organiser.room.create({
        editionId: randomUUID(),
        name: "Nulle part",
        capacity: null,
        order: 9,
        days: [],
      }),
    );
    expect(error.data).toMatchObject({ code: "NOT_FOUND", appCode: "not_found" });
  });

  it("refuses to delete a room sessions use, unless confirmed, and deletes nothing", async () => {
    const error = await rejection(organiser.room.delete({ id: SALLE_3 }));
    expect(error.data).toMatchObject({ code: "CONFLICT", httpStatus: 409, appCode: "referenced" });
    expect(error.message).toContain(
      "accueille 2 sessions. Confirmez pour la supprimer et la retirer de ces sessions.",
    );
    expect(await roomNames()).toContain("Salle 3 : Musigny – Pommard – Volnay");
    expect((await organiser.session.get({ id: REMPLA.id })).roomIds).toEqual([SALLE_3]);
  });

  it("deletes a used room once confirmed, taking it out of its sessions", async () => {
    expect(await organiser.room.delete({ id: SALLE_3, confirm: true })).toEqual({
      id: SALLE_3,
      detachedSessions: 2,
    });
    expect(await roomNames()).not.toContain("Salle 3 : Musigny – Pommard – Volnay");
    for (const { id } of [REMPLA, DECOLONISER]) {
      expect((await organiser.session.get({ id })).roomIds).toEqual([]);
    }
  });
});

import { testBackends } from "@tribune/db/testing";
import { instantFromLocal } from "@tribune/domain/kernel";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Caller,
  EDITION_2026,
  referencePartner,
  referenceSession,
  rejection,
  useSeededApi,
} from "../test-support";

const EVOLUTION = referenceSession(
  "Évolution de la pratique de la Médecine Générale et de la place du médecin généraliste",
);
const FILIERIS = referencePartner("Filieris");
const FILIERIS_TALK = referenceSession("Conférence partenaire : Filieris");
const thursday = (time: string) => instantFromLocal("2026-01-22", time);

describe.each(testBackends())("speaker and partner procedures on %s", (backend) => {
  const api = useSeededApi(backend);
  let organiser: Caller;
  let bureau: Caller;

  beforeAll(async () => {
    organiser = await api.callerAs("organiser");
    bureau = await api.callerAs("bureau");
  });

  it("creates, reads, updates and deletes a speaker", async () => {
    const speaker = await organiser.speaker.create({
      name: "Dr Claire Martin",
      affiliation: "CHU de Dijon",
    });
    expect(speaker).toMatchObject({
      name: "Dr Claire Martin",
      affiliation: "CHU de Dijon",
      bio: "",
      unavailable: [],
    });
    expect(await bureau.speaker.get({ id: speaker.id })).toEqual(speaker);

    const updated = await organiser.speaker.update({ id: speaker.id, bio: "Médecin généraliste." });
    expect(updated).toEqual({ ...speaker, bio: "Médecin généraliste." });
    expect(await bureau.speaker.list()).toContainEqual(updated);

    expect(await organiser.speaker.delete({ id: speaker.id })).toEqual({
      id: speaker.id,
      detachedSessions: 0,
    });
    expect((await rejection(organiser.speaker.get({ id: speaker.id }))).message).toBe(
      "Intervenant·e introuvable.",
    );
  });

  it("creates, reads, updates and deletes a partner", async () => {
    const partner = await organiser.partner.create({
      name: "Mutuelle des internes",
      kind: "mutuelle",
    });
    expect(await bureau.partner.get({ id: partner.id })).toEqual({ ...partner, website: "" });

    const updated = await organiser.partner.update({
      id: partner.id,
      website: "https://exemple.fr",
    });
    expect(updated).toEqual({ ...partner, website: "https://exemple.fr" });
    expect(await bureau.partner.list()).toContainEqual(updated);

    expect(await organiser.partner.delete({ id: partner.id })).toEqual({
      id: partner.id,
      detachedSessions: 0,
    });
    expect(await bureau.partner.list()).not.toContainEqual(updated);
  });

  it("refuses a partner website that is not a URL, in French", async () => {
    const error = await rejection(
      organiser.partner.create({ name: "Sans site", kind: "association", website: "www" }),
    );
    expect(error.data.fieldErrors?.website).toEqual([
      "Adresse web invalide (elle commence par https:// ou http://).",
    ]);
  });

  it.each([
    ["creating", (c: Caller) => c.partner.create({ name: "Filieris", kind: "institution" })],
    [
      "renaming",
      async (c: Caller) => {
        const { id } = await c.partner.create({ name: "Filieris bis", kind: "institution" });
        return c.partner.update({ id, name: "Filieris" });
      },
    ],
  ])("refuses %s a partner under a name already taken, as a conflict", async (_, mutate) => {
    const error = await rejection(mutate(organiser));
    expect(error.message).toBe("Cet élément existe déjà : un autre porte le même nom.");
    expect(error.data).toMatchObject({
      code: "CONFLICT",
      httpStatus: 409,
      appCode: "already_exists",
    });
  });

  it("keeps a partner that sessions name unless the deletion is confirmed", async () => {
    const { id } = FILIERIS;
    const error = await rejection(organiser.partner.delete({ id }));
    expect(error.data).toMatchObject({ code: "CONFLICT", appCode: "referenced" });
    expect((await organiser.session.get({ id: FILIERIS_TALK.id })).partnerId).toBe(id);

    expect(await organiser.partner.delete({ id, confirm: true })).toEqual({
      id,
      detachedSessions: 1,
    });
    expect((await organiser.session.get({ id: FILIERIS_TALK.id })).partnerId).toBeNull();
  });

  it("flags a session booked while its speaker is unavailable", async () => {
    const speaker = await organiser.speaker.create({
      name: "Pr Jean Dupont",
      unavailable: [{ startsAt: thursday("14:00"), endsAt: thursday("15:00"), reason: "garde" }],
    });
    const { conflicts } = await organiser.session.update({
      id: EVOLUTION.id,
      speakerIds: [speaker.id],
    });
    const expected = expect.objectContaining({
      kind: "speaker_unavailable",
      speakerId: speaker.id,
      sessionIds: [EVOLUTION.id],
    });
    expect(conflicts).toEqual([expected]);
    expect(await organiser.schedule.conflicts({ editionId: EDITION_2026 })).toEqual([expected]);
  });
});

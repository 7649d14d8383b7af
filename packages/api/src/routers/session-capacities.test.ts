import { testBackends } from "@tribune/db/testing";
import { referenceSubdivision } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import { registerPublicly } from "../mail-test-support";
import {
  AMPHI,
  EDITION_2026,
  REFERENCE,
  referenceSession,
  rejection,
  SALLE_3,
  useSeededApi,
} from "../test-support";

const LILLE = referenceSubdivision("lille").id;
const REMPLA = referenceSession("1,2,3 rempla");
const WORKSHOPS = REFERENCE.sessions.filter((s) => s.kind === "atelier");
const TOOLBOXES = REFERENCE.sessions.filter((s) => s.kind === "boite_a_outils");

describe.each(testBackends())("capacities in bulk on %s", (backend) => {
  const api = useSeededApi(backend);
  let count = 0;
  const registered = async () => {
    count += 1;
    return registerPublicly(api, {
      editionId: EDITION_2026,
      firstName: "Sacha",
      lastName: `Places${count}`,
      email: `sacha.places${count}@exemple.fr`,
      subdivisionId: LILLE,
    });
  };
  const placesOf = async (sessionId: string) =>
    (await (await api.callerAs("organiser")).signup.overview({ editionId: EDITION_2026 })).find(
      (p) => p.sessionId === sessionId,
    );

  it("gives every workshop of the edition its places at once, and nothing else", async () => {
    const organiser = await api.callerAs("organiser");
    const { places, promoted } = await organiser.session.setCapacities({
      editionId: EDITION_2026,
      kind: "atelier",
      capacity: 30,
    });
    expect(places.map((p) => p.sessionId).sort()).toEqual(WORKSHOPS.map((s) => s.id).sort());
    expect(places.every((p) => p.capacity === 30)).toBe(true);
    expect(promoted).toEqual([]);
    const toolbox = await placesOf(TOOLBOXES[0]?.id ?? "");
    expect(toolbox?.capacity).toBeNull();
  });

  it("refuses a kind that takes no sign-up, in French", async () => {
    const refused = await rejection(
      (await api.callerAs("organiser")).session.setCapacities({
        editionId: EDITION_2026,
        kind: "pleniere",
        capacity: 30,
      }),
    );
    expect(refused.data).toMatchObject({ appCode: "invalid" });
    expect(refused.message).toBe(
      "Les sessions « Plénière » ne prennent pas d'inscription : seuls les ateliers et les boîtes à outils ont des places.",
    );
  });

  it("lets the workshops of a room inherit its capacity again", async () => {
    const organiser = await api.callerAs("organiser");
    await organiser.room.update({ id: AMPHI, capacity: 120 });
    const { places } = await organiser.session.setCapacities({
      editionId: EDITION_2026,
      roomId: AMPHI,
      capacity: null,
    });
    const inAmphi = REFERENCE.sessions.filter(
      (s) => (s.kind === "atelier" || s.kind === "boite_a_outils") && s.roomIds.includes(AMPHI),
    );
    expect(places.map((p) => p.sessionId).sort()).toEqual(inAmphi.map((s) => s.id).sort());
    expect(places.every((p) => p.capacity === 120)).toBe(true);
    // The other workshops keep the places they were given.
    const elsewhere = WORKSHOPS.find((s) => !s.roomIds.includes(AMPHI));
    expect((await placesOf(elsewhere?.id ?? ""))?.capacity).toBe(30);
  });

  it("gives the people waiting the places a room or a bulk change adds, in order", async () => {
    const organiser = await api.callerAs("organiser");
    const anonymous = await api.anonymous();
    await organiser.room.update({ id: SALLE_3, capacity: 1 });
    const first = await registered();
    const second = await registered();
    const third = await registered();
    for (const person of [first, second, third])
      await anonymous.signup.join({ code: person.code, sessionId: REMPLA.id });
    expect(await placesOf(REMPLA.id)).toMatchObject({ capacity: 1, confirmed: 1, waitlisted: 2 });

    await organiser.room.update({ id: SALLE_3, capacity: 2 });
    expect(await placesOf(REMPLA.id)).toMatchObject({ capacity: 2, confirmed: 2, waitlisted: 1 });

    const { promoted } = await organiser.session.setCapacities({
      editionId: EDITION_2026,
      kind: "boite_a_outils",
      roomId: SALLE_3,
      capacity: 5,
    });
    expect(promoted).toHaveLength(1);
    expect(await placesOf(REMPLA.id)).toMatchObject({ capacity: 5, confirmed: 3, waitlisted: 0 });
  });

  it("is for organisers and admin only", async () => {
    for (const role of ["press", "bureau", "representative", "member"] as const) {
      const refused = await rejection(
        (await api.callerAs(role)).session.setCapacities({ editionId: EDITION_2026, capacity: 1 }),
      );
      expect(refused.data).toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

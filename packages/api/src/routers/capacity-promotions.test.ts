import { listAudit } from "@tribune/db/repos/audit";
import { listSubdivisionSummaries } from "@tribune/db/repos/subdivisions";
import { testBackends } from "@tribune/db/testing";
import { describe, expect, it } from "vitest";
import { messagesTo, registerPublicly } from "../mail-test-support";
import { EDITION_2026, referenceSession, SALLE_3, useSeededApi } from "../test-support";

/**
 * Places freed by a capacity change (issue 15): every path that gives a waiting person a place
 * — the edition's capacity, a room's, a workshop's override, its places one by one or in bulk —
 * tells that person by e-mail through the outbox, as a cancellation does; nobody else.
 */

const REMPLA = referenceSession("1,2,3 rempla");

let count = 0;

describe.each(testBackends())("places freed by a capacity change on %s", (backend) => {
  const api = useSeededApi(backend);

  const register = async () => {
    count += 1;
    const [subdivision] = await listSubdivisionSummaries(api.db);
    return registerPublicly(api, {
      editionId: EDITION_2026,
      firstName: "Noé",
      lastName: `Capacité${count}`,
      email: `noe.capacite${count}@exemple.fr`,
      subdivisionId: subdivision?.id as string,
    });
  };
  const kinds = async (email: string, prefix: string) =>
    (await messagesTo(api.db, email)).map((m) => m.kind).filter((k) => k.startsWith(prefix));

  it("the congress: a larger capacity, from the edition's form or its own field, tells each person promoted", async () => {
    const organiser = await api.callerAs("organiser");
    const { capacity } = await organiser.registration.setCapacity({
      editionId: EDITION_2026,
      capacity: null,
    });
    const full = capacity.confirmed;
    await organiser.registration.setCapacity({ editionId: EDITION_2026, capacity: full });
    const [first, second, third] = [await register(), await register(), await register()];
    expect([first, second, third].map((p) => p?.status)).toEqual([
      "waitlisted",
      "waitlisted",
      "waitlisted",
    ]);

    // The edition's form: one more place goes to the first person waiting, with its message.
    await organiser.edition.update({ id: EDITION_2026, capacity: full + 1 });
    expect(await kinds(first.email, "registration_")).toEqual([
      "registration_waitlisted",
      "registration_promoted",
    ]);
    const [message] = (await messagesTo(api.db, first.email)).filter(
      (m) => m.kind === "registration_promoted",
    );
    expect(message?.text).toContain(first.code);
    expect(await kinds(second.email, "registration_")).toEqual(["registration_waitlisted"]);
    const [audited] = await listAudit(api.db, { entity: "edition", limit: 1 });
    expect(audited?.after).toMatchObject({ capacity: full + 1, promoted: [first.id] });

    // The capacity's own field: the next one.
    const { promoted } = await organiser.registration.setCapacity({
      editionId: EDITION_2026,
      capacity: full + 2,
    });
    expect(promoted.map((p) => p.id)).toEqual([second.id]);
    expect(await kinds(second.email, "registration_")).toEqual([
      "registration_waitlisted",
      "registration_promoted",
    ]);
    expect(await kinds(third.email, "registration_")).toEqual(["registration_waitlisted"]);

    // No limit: the last one waiting gets a place and a message too; the others no second one.
    await organiser.edition.update({ id: EDITION_2026, capacity: null });
    expect(await kinds(third.email, "registration_")).toEqual([
      "registration_waitlisted",
      "registration_promoted",
    ]);
    expect(await kinds(first.email, "registration_promoted")).toHaveLength(1);
  });

  it("a workshop: a room's capacity, the session's override, its places alone or in bulk each tell the person promoted", async () => {
    const organiser = await api.callerAs("organiser");
    const anonymous = await api.anonymous();
    await organiser.room.update({ id: SALLE_3, capacity: 1 });
    const people: Awaited<ReturnType<typeof register>>[] = [];
    for (let i = 0; i < 5; i += 1) people.push(await register());
    for (const person of people)
      await anonymous.signup.join({ code: person.code, sessionId: REMPLA.id });
    const [, b, c, d, e] = people.map((p) => p.email) as [string, string, string, string, string];
    const promotedSoFar = async () =>
      Promise.all(people.map(async (p) => (await kinds(p.email, "signup_promoted")).length));
    expect(await promotedSoFar()).toEqual([0, 0, 0, 0, 0]);

    // The room the workshop inherits its places from grows.
    await organiser.room.update({ id: SALLE_3, capacity: 2 });
    expect(await kinds(b, "signup_")).toEqual(["signup_waitlisted", "signup_promoted"]);
    expect(await promotedSoFar()).toEqual([0, 1, 0, 0, 0]);

    // The session's own override (the programme's form).
    await organiser.session.update({ id: REMPLA.id, capacityOverride: 3 });
    expect(await kinds(c, "signup_")).toEqual(["signup_waitlisted", "signup_promoted"]);
    expect(await promotedSoFar()).toEqual([0, 1, 1, 0, 0]);

    // Its places, one session.
    await organiser.signup.setCapacity({ sessionId: REMPLA.id, capacity: 4 });
    expect(await kinds(d, "signup_")).toEqual(["signup_waitlisted", "signup_promoted"]);
    expect(await promotedSoFar()).toEqual([0, 1, 1, 1, 0]);

    // In bulk, every toolbox of the room.
    await organiser.session.setCapacities({
      editionId: EDITION_2026,
      kind: "boite_a_outils",
      roomId: SALLE_3,
      capacity: 5,
    });
    expect(await kinds(e, "signup_")).toEqual(["signup_waitlisted", "signup_promoted"]);
    expect(await promotedSoFar()).toEqual([0, 1, 1, 1, 1]);
  });
});

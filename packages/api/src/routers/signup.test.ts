import { listAudit } from "@tribune/db/repos/audit";
import { testBackends } from "@tribune/db/testing";
import { instantFromLocal } from "@tribune/domain/kernel";
import { referenceSubdivision } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import { messagesTo, registerPublicly } from "../mail-test-support";
import {
  EDITION_2026,
  type ErrorShape,
  referenceSession,
  rejection,
  SALLE_3,
  useSeededApi,
} from "../test-support";

const LILLE = referenceSubdivision("lille").id;
const MARKET = referenceSession("La santé : un marché comme un autre ?");
const SEX_HEALTH = referenceSession(
  "Parler sexe, prévenir mieux : repenser la santé sexuelle de demain",
);
const PLENARY = referenceSession("Plénière d'ouverture");
const REMPLA = referenceSession("1,2,3 rempla");

let count = 0;

describe.each(testBackends())("workshop sign-up on %s", (backend) => {
  const api = useSeededApi(backend);

  const emailOf = new Map<string, string>();
  const registered = async () => {
    count += 1;
    const receipt = await registerPublicly(api, {
      editionId: EDITION_2026,
      firstName: "Camille",
      lastName: `Atelier${count}`,
      email: `camille.atelier${count}@exemple.fr`,
      subdivisionId: LILLE,
    });
    emailOf.set(receipt.code, receipt.email);
    return receipt.code;
  };
  /** The workshop messages queued for the person with this code, in order. */
  const workshopMail = async (code: string) =>
    (await messagesTo(api.db, emailOf.get(code) as string))
      .filter((m) => m.kind.startsWith("signup_"))
      .map((m) => m.kind);

  it("refuses while the rooms have no capacity, then follows the session's override", async () => {
    const anonymous = await api.anonymous();
    const code = await registered();
    const error = await rejection(anonymous.signup.join({ code, sessionId: MARKET.id }));
    expect(error.message).toMatch(/n'est pas connue.*renseigné la capacité/);
    const organiser = await api.callerAs("organiser");
    await organiser.session.update({ id: MARKET.id, capacityOverride: 2 });
    await organiser.session.update({ id: SEX_HEALTH.id, capacityOverride: 5 });
    const codes = [code, await registered(), await registered()];
    const receipts = [];
    for (const c of codes)
      receipts.push(
        await anonymous.signup.join({ code: c, sessionId: MARKET.id, idempotencyKey: `k-${c}` }),
      );
    expect(receipts.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ["registered", null],
      ["registered", null],
      ["waitlisted", 1],
    ]);
    // A retry with the same key answers the first outcome.
    expect(
      await anonymous.signup.join({
        code: codes[0] as string,
        sessionId: MARKET.id,
        idempotencyKey: `k-${codes[0]}`,
      }),
    ).toEqual(receipts[0]);

    // Overlap: the other workshop at the same time is refused, naming this one.
    const overlap = await rejection(
      anonymous.signup.join({ code: codes[0] as string, sessionId: SEX_HEALTH.id }),
    );
    expect(overlap.message).toContain("« La santé : un marché comme un autre ? »");

    // The attendee's own view: places left and status.
    const options = await anonymous.signup.options({ code: codes[2] as string });
    expect(options.find((o) => o.sessionId === MARKET.id)).toMatchObject({
      capacity: 2,
      placesLeft: 0,
      status: "waitlisted",
      waitlistPosition: 1,
    });
    expect(options.some((o) => o.sessionId === PLENARY.id)).toBe(false);

    // Leaving promotes the first person waiting.
    await anonymous.signup.leave({ code: codes[0] as string, sessionId: MARKET.id });
    const list = await organiser.signup.list({ sessionId: MARKET.id });
    expect(list.places).toMatchObject({ capacity: 2, confirmed: 2, waitlisted: 0 });
    expect(list.items.filter((i) => i.status === "registered").map((i) => i.code)).toEqual([
      codes[1],
      codes[2],
    ]);
    // Each change is told by e-mail: the place, the waitlist, leaving, the place given on.
    expect(await workshopMail(codes[0] as string)).toEqual([
      "signup_confirmed",
      "signup_cancelled",
    ]);
    expect(await workshopMail(codes[2] as string)).toEqual([
      "signup_waitlisted",
      "signup_promoted",
    ]);
    const [promotion] = (
      await messagesTo(api.db, emailOf.get(codes[2] as string) as string)
    ).filter((m) => m.kind === "signup_promoted");
    expect(promotion?.text).toContain("« La santé : un marché comme un autre ? »");
    const overview = await (await api.callerAs("bureau")).signup.overview({
      editionId: EDITION_2026,
    });
    expect(overview.find((o) => o.sessionId === MARKET.id)).toMatchObject({ placesLeft: 0 });
    // Cancelling the congress registration frees the workshop place too.
    await anonymous.registration.cancelByCode({ code: codes[1] as string });
    expect(await organiser.signup.list({ sessionId: MARKET.id })).toMatchObject({
      places: { confirmed: 1 },
    });
    const audit = await listAudit(api.db, { entity: "registration", limit: 100 });
    expect(audit.some((e) => e.action === "cancel")).toBe(true);
  });

  it("answers a draft session exactly as one that does not exist, without its title", async () => {
    const anonymous = await api.anonymous();
    const organiser = await api.callerAs("organiser");
    const { session: draft } = await organiser.session.create({
      editionId: EDITION_2026,
      kind: "atelier",
      title: "Atelier confidentiel en préparation",
      startsAt: instantFromLocal("2026-01-23", "07:00"),
      endsAt: instantFromLocal("2026-01-23", "07:45"),
      roomIds: [SALLE_3],
      capacityOverride: 10,
    });
    expect(draft.published).toBe(false);
    // Created sessions get random ids, not the reference fixtures' deterministic ones.
    expect(draft.id).not.toMatch(/^00000004-/);
    const code = await registered();
    const seen = ({ message, data }: ErrorShape) => ({
      message,
      code: data.code,
      httpStatus: data.httpStatus,
      appCode: data.appCode,
    });
    const absent = crypto.randomUUID();
    for (const call of [
      (sessionId: string) => anonymous.signup.join({ code, sessionId }),
      (sessionId: string) => anonymous.signup.leave({ code, sessionId }),
    ]) {
      const onDraft = seen(await rejection(call(draft.id)));
      expect(onDraft).toEqual(seen(await rejection(call(absent))));
      expect(onDraft).toMatchObject({ code: "NOT_FOUND", message: "Session introuvable." });
    }
    expect((await organiser.signup.list({ sessionId: draft.id })).items).toEqual([]);
    // Once published, it takes sign-ups.
    await organiser.session.update({ id: draft.id, published: true });
    expect(await anonymous.signup.join({ code, sessionId: draft.id })).toMatchObject({
      title: "Atelier confidentiel en préparation",
      status: "registered",
    });
  });

  it("refuses a plenary, an unknown code, and lets an organiser sign someone up by hand", async () => {
    const anonymous = await api.anonymous();
    const code = await registered();
    expect(
      (await rejection(anonymous.signup.join({ code, sessionId: PLENARY.id }))).message,
    ).toMatch(/ne demande pas d'inscription/);
    expect(
      (await rejection(anonymous.signup.join({ code: "AAAA-BBBB", sessionId: MARKET.id }))).data,
    ).toMatchObject({ code: "NOT_FOUND" });
    const organiser = await api.callerAs("organiser");
    const page = await organiser.registration.list({ editionId: EDITION_2026, search: code });
    const registrationId = page.items[0]?.id as string;
    const receipt = await organiser.signup.add({ registrationId, sessionId: SEX_HEALTH.id });
    expect(receipt.status).toBe("registered");
    const removed = await organiser.signup.remove({ registrationId, sessionId: SEX_HEALTH.id });
    expect(removed.signup?.status).toBe("cancelled");
  });

  it("raising a session's places promotes the people waiting, audited; the bureau may not", async () => {
    const anonymous = await api.anonymous();
    const organiser = await api.callerAs("organiser");
    await organiser.signup.setCapacity({ sessionId: REMPLA.id, capacity: 1 });
    const codes = [await registered(), await registered(), await registered()];
    for (const code of codes) await anonymous.signup.join({ code, sessionId: REMPLA.id });
    const raised = await organiser.signup.setCapacity({ sessionId: REMPLA.id, capacity: 2 });
    expect(raised.places).toMatchObject({ capacity: 2, confirmed: 2, waitlisted: 1 });
    const list = await organiser.signup.list({ sessionId: REMPLA.id });
    expect(list.items.map((i) => [i.code, i.status])).toEqual([
      [codes[0], "registered"],
      [codes[1], "registered"],
      [codes[2], "waitlisted"],
    ]);
    expect(raised.promoted.map((p) => p.registrationId)).toEqual([list.items[1]?.registrationId]);
    const audit = await listAudit(api.db, { entity: "session", limit: 20 });
    expect(audit.find((e) => e.entityId === REMPLA.id)).toMatchObject({
      before: { capacity: 1 },
      after: { capacity: 2 },
    });
    // The programme's own capacity override counts too: raised, it promotes at once.
    await organiser.signup.setCapacity({ sessionId: REMPLA.id, capacity: null });
    await organiser.session.update({ id: REMPLA.id, capacityOverride: 3 });
    expect((await organiser.signup.list({ sessionId: REMPLA.id })).places).toMatchObject({
      capacity: 3,
      confirmed: 3,
      waitlisted: 0,
    });
    const bureau = await api.callerAs("bureau");
    expect(
      (await rejection(bureau.signup.setCapacity({ sessionId: REMPLA.id, capacity: 9 }))).data,
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      (await rejection(organiser.signup.setCapacity({ sessionId: REMPLA.id, capacity: -1 })))
        .message,
    ).toMatch(/ne peut pas être négatif/);
  });
});

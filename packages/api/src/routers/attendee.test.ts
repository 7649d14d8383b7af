import { listAudit } from "@tribune/db/repos/audit";
import { testBackends } from "@tribune/db/testing";
import type { RegistrationInput } from "@tribune/domain/union";
import { referenceSubdivision } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import { messagesTo } from "../mail-test-support";
import { EDITION_2026, referenceSession, rejection, useSeededApi } from "../test-support";

const LILLE = referenceSubdivision("lille").id;
const NANCY = referenceSubdivision("nancy").id;
const REMPLA = referenceSession("1,2,3 rempla");

let count = 0;
const intern = (overrides: Partial<RegistrationInput> = {}): RegistrationInput => {
  count += 1;
  return {
    editionId: EDITION_2026,
    firstName: "Inès",
    lastName: `Espace${count}`,
    email: `ines.espace${count}@exemple.fr`,
    subdivisionId: LILLE,
    meals: true,
    gala: false,
    ...overrides,
  };
};

describe.each(testBackends())("the attendee's space on %s", (backend) => {
  const api = useSeededApi(backend);

  /** Registered by an organiser (the public answer carries no code), opened by code + e-mail. */
  const registeredAndOpened = async (overrides: Partial<RegistrationInput> = {}) => {
    const organiser = await api.callerAs("organiser");
    const registration = await organiser.registration.create(intern(overrides));
    const anonymous = await api.anonymous();
    const space = await anonymous.attendee.open({
      code: registration.code.toLowerCase().replace("-", " "),
      email: registration.email.toUpperCase(),
    });
    return { registration, space, anonymous, organiser };
  };

  it("opens with the code and the address; any mismatch gets one and the same answer", async () => {
    const { registration, space, anonymous } = await registeredAndOpened();
    expect(space.registration).toMatchObject({
      code: registration.code,
      status: "registered",
      subdivisionName: "Lille",
      meals: true,
    });
    expect(space.may).toEqual({
      edit: true,
      cancel: true,
      signUp: true,
      badge: true,
      certificate: false,
    });
    // The token it hands out opens the space again (a reload of the page).
    expect((await anonymous.attendee.get({ token: space.token })).registration.code).toBe(
      registration.code,
    );

    const wrongEmail = await rejection(
      anonymous.attendee.open({ code: registration.code, email: "quelquun@exemple.fr" }),
    );
    const wrongCode = await rejection(
      anonymous.attendee.open({ code: "ZZZZ-ZZZZ", email: registration.email }),
    );
    expect(wrongEmail.message).toBe(wrongCode.message);
    expect(wrongEmail.data.code).toBe(wrongCode.data.code);
    expect(wrongEmail.message).toMatch(/Aucune inscription ne correspond à ce code/);
  });

  it("refuses an altered or foreign token as an expired link", async () => {
    const { space, anonymous } = await registeredAndOpened();
    const altered = `${space.token.slice(0, -2)}${space.token.endsWith("A") ? "BB" : "AA"}`;
    const error = await rejection(anonymous.attendee.get({ token: altered }));
    expect(error.data.httpStatus).toBe(401);
    expect(error.message).toMatch(/Ce lien n'est plus valable/);
    expect((await rejection(anonymous.attendee.get({ token: "n'importe quoi" }))).message).toBe(
      error.message,
    );
  });

  it("edits meals, gala, year and subdivision, audited; not once the desk checked them in", async () => {
    const { registration, space, anonymous, organiser } = await registeredAndOpened();
    const edited = await anonymous.attendee.update({
      token: space.token,
      subdivisionId: NANCY,
      yearOfTraining: 2,
      meals: false,
      gala: true,
    });
    expect(edited.registration).toMatchObject({
      subdivisionName: "Nancy",
      yearOfTraining: 2,
      meals: false,
      gala: true,
      code: registration.code,
    });
    const [entry] = (await listAudit(api.db, { entity: "registration", limit: 50 })).filter(
      (e) => e.entityId === registration.id && e.action === "update",
    );
    expect(entry?.actorEmail).toBeNull();
    expect(entry?.after).toMatchObject({ meals: false, gala: true, subdivisionId: NANCY });

    await organiser.checkIn.byId({ registrationId: registration.id });
    const arrived = await anonymous.attendee.get({ token: space.token });
    expect(arrived.may).toMatchObject({ edit: false, cancel: false, certificate: true });
    expect(arrived.notice).toMatch(/arrivée au congrès est enregistrée/);
    const refused = await rejection(
      anonymous.attendee.update({
        token: space.token,
        subdivisionId: LILLE,
        yearOfTraining: 2,
        meals: true,
        gala: true,
      }),
    );
    expect(refused.message).toMatch(/ne peut plus être modifiée ici/);
    const cancel = await rejection(
      anonymous.attendee.cancel({ token: space.token, confirm: true }),
    );
    expect(cancel.message).toMatch(/ne peut plus être modifiée ici/);
  });

  it("signs up for a workshop with the space's code, then cancels: the place goes on", async () => {
    const { space, anonymous, organiser } = await registeredAndOpened();
    await organiser.signup.setCapacity({ sessionId: REMPLA.id, capacity: 1 });
    const code = space.registration.code;
    const joined = await anonymous.signup.join({ code, sessionId: REMPLA.id });
    expect(joined.status).toBe("registered");
    const other = await registeredAndOpened();
    expect(
      (
        await other.anonymous.signup.join({
          code: other.space.registration.code,
          sessionId: REMPLA.id,
        })
      ).status,
    ).toBe("waitlisted");

    // Cancelling asks for a confirmation.
    await expect(
      anonymous.attendee.cancel({ token: space.token, confirm: false as true }),
    ).rejects.toThrow(/Confirmez l'annulation/);
    const cancelled = await anonymous.attendee.cancel({ token: space.token, confirm: true });
    expect(cancelled.registration.status).toBe("cancelled");
    expect(cancelled.may).toMatchObject({ edit: false, cancel: false, badge: false });
    const options = await other.anonymous.signup.options({ code: other.space.registration.code });
    expect(options.find((o) => o.sessionId === REMPLA.id)?.status).toBe("registered");
    // The same messages as any cancellation: to them, and to whoever got the workshop place.
    const mine = await messagesTo(api.db, space.registration.email);
    expect(mine.map((m) => m.kind)).toContain("registration_cancelled");
    const theirs = await messagesTo(api.db, other.space.registration.email);
    expect(theirs.map((m) => m.kind)).toContain("signup_promoted");
  });

  it("hands out the badge with a place and the certificate after check-in, with the days attended", async () => {
    const { registration, space, anonymous, organiser } = await registeredAndOpened({
      firstName: "Noé",
      lastName: "Badge",
    });
    const badge = await anonymous.attendee.badge({ token: space.token });
    expect(badge.badges).toEqual([
      {
        code: registration.code,
        firstName: "Noé",
        lastName: "Badge",
        subdivision: "Lille",
        role: "attendee",
      },
    ]);
    const early = await rejection(anonymous.attendee.certificate({ token: space.token }));
    expect(early.message).toMatch(/une fois votre arrivée enregistrée/);

    await organiser.checkIn.byId({ registrationId: registration.id });
    const book = await anonymous.attendee.certificate({ token: space.token });
    expect(book.signatory.name).toBe("Atika Bokhari");
    expect(book.certificates).toHaveLength(1);
    expect(book.certificates[0]?.days.length).toBeGreaterThanOrEqual(1);
  });
});

describe.each(testBackends())("at the desk and for the organisers on %s", (backend) => {
  const api = useSeededApi(backend);

  it("an organiser takes a check-in back, audited; the person can be checked in again", async () => {
    const organiser = await api.callerAs("organiser");
    const registration = await organiser.registration.create(intern());
    await organiser.checkIn.byId({ registrationId: registration.id });
    const undone = await organiser.checkIn.undo({ registrationId: registration.id });
    expect(undone).toMatchObject({ status: "registered", checkedInAt: null });
    const [entry] = (await listAudit(api.db, { entity: "registration", limit: 20 })).filter(
      (e) => e.entityId === registration.id,
    );
    expect(entry?.after).toMatchObject({ status: "registered", undo: "check_in" });
    const again = await organiser.checkIn.byId({ registrationId: registration.id });
    expect(again.alreadyCheckedIn).toBe(false);
    // Nothing to undo for someone not checked in.
    const other = await organiser.registration.create(intern());
    const error = await rejection(organiser.checkIn.undo({ registrationId: other.id }));
    expect(error.message).toMatch(/rien à annuler/);
    // The bureau does not run the desk.
    const bureau = await api.callerAs("bureau");
    expect(
      (await rejection(bureau.checkIn.undo({ registrationId: registration.id }))).data.code,
    ).toBe("FORBIDDEN");
  });

  it("an organiser corrects an address and the meals without a new code", async () => {
    const organiser = await api.callerAs("organiser");
    const registration = await organiser.registration.create(intern({ email: "lea@exemlpe.fr" }));
    const taken = await organiser.registration.create(intern());
    const corrected = await organiser.registration.update({
      id: registration.id,
      firstName: registration.firstName,
      lastName: registration.lastName,
      email: "Lea@Exemple.fr",
      subdivisionId: registration.subdivisionId,
      yearOfTraining: 3,
      meals: false,
      gala: false,
    });
    expect(corrected).toMatchObject({
      code: registration.code,
      email: "lea@exemple.fr",
      meals: false,
      yearOfTraining: 3,
      status: "registered",
    });
    const found = await organiser.registration.list({
      editionId: EDITION_2026,
      search: "lea@exemple.fr",
    });
    expect(found.items.map((r) => r.id)).toEqual([registration.id]);
    const duplicate = await rejection(
      organiser.registration.update({ ...corrected, email: taken.email, yearOfTraining: 3 }),
    );
    expect(duplicate.message).toMatch(/utilise déjà l'adresse/);
  });

  it("prints badges for a subdivision or since a day, with roles, and audits the print", async () => {
    const organiser = await api.callerAs("organiser");
    const inNancy = await organiser.registration.create(
      intern({ subdivisionId: NANCY, firstName: "Ana", lastName: "Aubert" }),
    );
    const sheets = await organiser.attendee.badges({ year: 2026, subdivisionId: NANCY });
    expect(sheets.badges.map((b) => b.code)).toContain(inNancy.code);
    expect(new Set(sheets.badges.map((b) => b.subdivision))).toEqual(new Set(["Nancy"]));
    const names = sheets.badges.map((b) => b.lastName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "fr")));

    const future = await rejection(
      organiser.attendee.badges({ year: 2026, registeredSince: "2099-01-01" }),
    );
    expect(future.message).toMatch(/Aucune personne avec une place confirmée/);
    const [entry] = await listAudit(api.db, { entity: "registration", limit: 1 });
    expect(entry).toMatchObject({ action: "export" });
    expect(entry?.after).toMatchObject({ document: "badges", subdivisionId: NANCY });

    const bureau = await api.callerAs("bureau");
    expect((await rejection(bureau.attendee.badges({ year: 2026 }))).data.code).toBe("FORBIDDEN");
  });

  it("bundles the certificates of everyone checked in", async () => {
    const organiser = await api.callerAs("organiser");
    const registration = await organiser.registration.create(intern({ lastName: "Présente" }));
    await organiser.checkIn.byId({ registrationId: registration.id });
    const book = await organiser.attendee.certificates({ year: 2026 });
    const mine = book.certificates.find((c) => c.code === registration.code);
    expect(mine).toMatchObject({ lastName: "Présente", subdivision: "Lille" });
    expect(book.edition.year).toBe(2026);
  });
});

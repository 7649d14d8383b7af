import { listAudit } from "@tribune/db/repos/audit";
import { allRegistrations, capacityViolations } from "@tribune/db/repos/registrations";
import { testBackends } from "@tribune/db/testing";
import { localTime } from "@tribune/domain/kernel";
import type { LiveCounts, RegistrationInput } from "@tribune/domain/union";
import { referenceSubdivision } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import { messagesTo, registerPublicly } from "../mail-test-support";
import { EDITION_2026, rejection, useSeededApi } from "../test-support";

const LILLE = referenceSubdivision("lille").id;
const NANCY = referenceSubdivision("nancy").id;
const TOULOUSE = referenceSubdivision("toulouse").id;

let count = 0;
const intern = (overrides: Partial<RegistrationInput> = {}): RegistrationInput => {
  count += 1;
  return {
    editionId: EDITION_2026,
    firstName: "Léa",
    lastName: `Martin${count}`,
    email: `lea.martin${count}@exemple.fr`,
    subdivisionId: LILLE,
    meals: true,
    gala: true,
    ...overrides,
  };
};

describe.each(testBackends())("registration and check-in on %s", (backend) => {
  const api = useSeededApi(backend);

  const setCapacity = async (capacity: number | null) =>
    (await api.callerAs("organiser")).registration.setCapacity({
      editionId: EDITION_2026,
      capacity,
    });

  describe("self-registration (no account)", () => {
    it("answers only that a message is on its way; the message has the code and the place", async () => {
      const anonymous = await api.anonymous();
      const input = intern();
      const answer = await anonymous.registration.register(input);
      expect(answer).toEqual({ editionId: EDITION_2026, firstName: "Léa", email: input.email });
      const [registration] = (
        await (
          await api.callerAs("organiser")
        ).registration.list({
          editionId: EDITION_2026,
          search: input.email,
        })
      ).items;
      expect(registration).toMatchObject({
        status: "registered",
        waitlistPosition: null,
        code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/),
      });
      const [confirmation, ...others] = await messagesTo(api.db, input.email);
      expect(confirmation).toMatchObject({ kind: "registration_confirmed", status: "pending" });
      expect(confirmation?.text).toContain(registration?.code);
      expect(confirmation?.attachments.map((a) => a.contentType)).toEqual([
        "image/png",
        "text/calendar; charset=utf-8; method=PUBLISH",
      ]);
      expect(others).toEqual([]);
    });

    // Issue 15 changed this promise: the public answer no longer tells whether an address is
    // registered (it used to refuse, naming the status); the owner of the address is told.
    it("a second registration with the same address gets the same answer; its owner gets the code again", async () => {
      const anonymous = await api.anonymous();
      const first = intern();
      const answer = await anonymous.registration.register(first);
      const again = { ...first, firstName: "Quelqu'un", email: first.email.toUpperCase() };
      const second = await anonymous.registration.register(again);
      expect(second).toEqual({ ...answer, firstName: "Quelqu'un", email: first.email });
      const page = await (await api.callerAs("organiser")).registration.list({
        editionId: EDITION_2026,
        search: first.email,
      });
      expect(page.items.map((r) => r.firstName)).toEqual(["Léa"]);
      const messages = await messagesTo(api.db, first.email);
      expect(messages.map((m) => m.kind)).toEqual([
        "registration_confirmed",
        "registration_reminder",
      ]);
      expect(messages[1]?.text).toContain(page.items[0]?.code);
      expect(messages[1]?.text).toContain("Votre place est confirmée.");
      // Many more attempts within the hour: one reminder, not one per attempt.
      await anonymous.registration.register(again);
      expect(await messagesTo(api.db, first.email)).toHaveLength(2);
    });

    it("organisers registering by hand are still told the address is taken", async () => {
      const first = intern();
      await (await api.anonymous()).registration.register(first);
      const error = await rejection((await api.callerAs("organiser")).registration.create(first));
      expect(error.data).toMatchObject({ code: "CONFLICT", appCode: "already_exists" });
      expect(error.message).toMatch(/^Une inscription existe déjà pour l'adresse lea\.martin/);
    });

    it("answers bad input with French field errors", async () => {
      const anonymous = await api.anonymous();
      const error = await rejection(
        anonymous.registration.register({
          ...intern(),
          firstName: "",
          email: "pas-une-adresse",
          subdivisionId: "",
        }),
      );
      expect(error.data.fieldErrors).toEqual({
        firstName: ["Ce champ est obligatoire."],
        email: ["Adresse e-mail invalide."],
        subdivisionId: ["Choisissez votre subdivision."],
      });
    });

    it("a retried submission with the same idempotency key registers once", async () => {
      const anonymous = await api.anonymous();
      const input = intern({ idempotencyKey: "formulaire-0001" });
      const first = await anonymous.registration.register(input);
      const retry = await anonymous.registration.register(input);
      expect(retry).toEqual(first);
      const page = await (await api.callerAs("organiser")).registration.list({
        editionId: EDITION_2026,
        search: input.email,
      });
      expect(page.total).toBe(1);
    });

    it("cancelling with the code gives the place to the first person waiting", async () => {
      const anonymous = await api.anonymous();
      const { capacity } = await setCapacity(null);
      await setCapacity(capacity.confirmed + 1);
      const holder = await registerPublicly(api, intern());
      const waiting = await registerPublicly(api, intern({ subdivisionId: NANCY }));
      expect(waiting).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });

      const cancelled = await anonymous.registration.cancelByCode({
        code: holder.code.toLowerCase().replace("-", " "),
      });
      expect(cancelled.status).toBe("cancelled");
      const organiser = await api.callerAs("organiser");
      const promoted = await organiser.registration.list({
        editionId: EDITION_2026,
        search: waiting.code,
      });
      expect(promoted.items[0]?.status).toBe("registered");
      expect((await messagesTo(api.db, holder.email)).map((m) => m.kind)).toEqual([
        "registration_confirmed",
        "registration_cancelled",
      ]);
      expect((await messagesTo(api.db, waiting.email)).map((m) => m.kind)).toEqual([
        "registration_waitlisted",
        "registration_promoted",
      ]);
      const unknown = await rejection(anonymous.registration.cancelByCode({ code: "AAAA-AAAA" }));
      expect(unknown.message).toBe("Aucune inscription ne correspond à ce code.");
      await setCapacity(null);
    });
  });

  describe("organisers", () => {
    it("register someone by hand, list with filters and cancel", async () => {
      const organiser = await api.callerAs("organiser");
      const registration = await organiser.registration.create(
        intern({ subdivisionId: TOULOUSE, lastName: "Manuel" }),
      );
      const listed = await organiser.registration.list({
        editionId: EDITION_2026,
        subdivisionId: TOULOUSE,
        status: "registered",
      });
      expect(listed.items.map((r) => r.id)).toContain(registration.id);
      const { registration: cancelled } = await organiser.registration.cancel({
        id: registration.id,
      });
      expect(cancelled.status).toBe("cancelled");
      const audit = await listAudit(api.db, { entity: "registration", limit: 20 });
      expect(audit.filter((e) => e.entityId === registration.id).map((e) => e.action)).toEqual([
        "cancel",
        "create",
      ]);
    });

    it("export a UTF-8 CSV with BOM, filtered, and the export is audited", async () => {
      const organiser = await api.callerAs("organiser");
      await organiser.registration.create(
        intern({ subdivisionId: NANCY, firstName: "Éloïse", lastName: "=HYPERLINK(1)" }),
      );
      const exported = await organiser.registration.export({
        editionId: EDITION_2026,
        subdivisionId: NANCY,
      });
      expect(exported.filename).toBe("inscriptions-2026-nancy.csv");
      expect(exported.csv.startsWith("\ufeffCode;Prénom;Nom;E-mail;Subdivision")).toBe(true);
      const lines = exported.csv.trim().split("\r\n");
      expect(lines).toHaveLength(exported.rows + 1);
      expect(lines.every((line, i) => i === 0 || line.includes(";Nancy;"))).toBe(true);
      // A formula typed into a public form stays text in the spreadsheet.
      expect(exported.csv).toContain(";Éloïse;'=HYPERLINK(1);");
      const [entry] = await listAudit(api.db, { entity: "registration", limit: 1 });
      expect(entry).toMatchObject({
        action: "export",
        actorEmail: "organiser@tribune.test",
        after: { rows: exported.rows, filters: expect.objectContaining({ subdivisionId: NANCY }) },
      });
    });

    it("a representative lists and exports their own subdivision's registrations only", async () => {
      const rep = await api.representativeOf(TOULOUSE);
      await (await api.callerAs("organiser")).registration.create(
        intern({ subdivisionId: TOULOUSE }),
      );
      const page = await rep.registration.list({ editionId: EDITION_2026 });
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.every((r) => r.subdivisionId === TOULOUSE)).toBe(true);
      const exported = await rep.registration.export({ editionId: EDITION_2026 });
      expect(exported.filename).toBe("inscriptions-2026-toulouse.csv");
      expect(
        (
          await rejection(
            rep.registration.export({ editionId: EDITION_2026, subdivisionId: LILLE }),
          )
        ).data.code,
      ).toBe("FORBIDDEN");
    });
  });

  describe("check-in", () => {
    it("by code, twice: the second time says when, in Paris time", async () => {
      const receipt = await registerPublicly(api, intern({ firstName: "Inès" }));
      const desk = await api.callerAs("organiser");
      const first = await desk.checkIn.byCode({ editionId: EDITION_2026, code: receipt.code });
      expect(first.alreadyCheckedIn).toBe(false);
      expect(first.message).toMatch(/^Bienvenue, Inès Martin\d+ ! Arrivée enregistrée\.$/);
      const second = await desk.checkIn.byCode({ editionId: EDITION_2026, code: receipt.code });
      expect(second.alreadyCheckedIn).toBe(true);
      const at = localTime(first.registration.checkedInAt as string);
      expect(second.message).toBe(`Inès ${receipt.lastName} : déjà enregistré·e à ${at}.`);
      const entries = (await listAudit(api.db, { entity: "registration", limit: 50 })).filter(
        (e) => e.action === "check_in",
      );
      expect(entries.filter((e) => e.entityId === first.registration.id)).toHaveLength(1);
    });

    it("finds people by name, email or code, and checks one in by a tap", async () => {
      const receipt = await registerPublicly(
        api,
        intern({ firstName: "Zoé", lastName: "Quéméner" }),
      );
      const desk = await api.callerAs("organiser");
      for (const query of ["quemener", "zoé QUÉ", receipt.email, receipt.code.replace("-", "")]) {
        const found = await desk.checkIn.search({ editionId: EDITION_2026, query });
        expect(
          found.map((r) => r.code),
          query,
        ).toEqual([receipt.code]);
      }
      const [person] = await desk.checkIn.search({ editionId: EDITION_2026, query: "quemener" });
      const result = await desk.checkIn.byId({ registrationId: person?.id as string });
      expect(result.registration.status).toBe("checked_in");
      const recent = await desk.checkIn.recent({ editionId: EDITION_2026 });
      expect(recent[0]?.id).toBe(person?.id);
    });

    it("refuses a waitlisted person and an unknown code", async () => {
      const { capacity } = await setCapacity(null);
      await setCapacity(capacity.confirmed);
      const waiting = await registerPublicly(api, intern());
      expect(waiting.status).toBe("waitlisted");
      const desk = await api.callerAs("organiser");
      const refused = await rejection(
        desk.checkIn.byCode({ editionId: EDITION_2026, code: waiting.code }),
      );
      expect(refused.message).toMatch(/est en liste d'attente \(position 1\)/);
      const unknown = await rejection(
        desk.checkIn.byCode({ editionId: EDITION_2026, code: "ZZZZ-ZZZZ" }),
      );
      expect(unknown.data.code).toBe("NOT_FOUND");
      await setCapacity(null);
    });
  });

  it("the live counts move when someone checks in", async () => {
    const desk = await api.callerAs("organiser");
    const receipt = await registerPublicly(api, intern({ subdivisionId: NANCY }));
    const stream = (await desk.registration.live({
      editionId: EDITION_2026,
    })) as AsyncIterable<LiveCounts>;
    const iterator = stream[Symbol.asyncIterator]();
    const first = (await iterator.next()).value as LiveCounts;
    const nancyBefore = first.bySubdivision.find((s) => s.subdivisionId === NANCY);
    await desk.checkIn.byCode({ editionId: EDITION_2026, code: receipt.code });
    const next = (await iterator.next()).value as LiveCounts;
    const nancyAfter = next.bySubdivision.find((s) => s.subdivisionId === NANCY);
    expect(nancyAfter?.checkedIn).toBe((nancyBefore?.checkedIn ?? 0) + 1);
    expect(next.totals.checkedIn).toBe(first.totals.checkedIn + 1);
    await iterator.return?.();
  });

  it("200 concurrent self-registrations against 100 free places: exactly 100 confirmed", async () => {
    const { capacity } = await setCapacity(null);
    await setCapacity(capacity.confirmed + 100);
    const anonymous = await api.anonymous();
    const inputs = Array.from({ length: 200 }, (_, i) =>
      intern({ idempotencyKey: `concurrent-${backend}-${i}` }),
    );
    const answers = await Promise.all(
      inputs.map((input) => anonymous.registration.register(input)),
    );
    // Every request retried at once, with its key: nothing new is written.
    const retries = await Promise.all(
      inputs.map((input) => anonymous.registration.register(input)),
    );
    expect(retries).toEqual(answers);
    const emails = new Set(inputs.map((i) => i.email));
    const receipts = (await allRegistrations(api.db, { editionId: EDITION_2026 })).filter((r) =>
      emails.has(r.email),
    );
    expect(receipts.filter((r) => r.status === "registered")).toHaveLength(100);
    const waiting = receipts.filter((r) => r.status === "waitlisted");
    expect(waiting.map((r) => r.waitlistPosition).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect(new Set(receipts.map((r) => r.code)).size).toBe(200);
    expect(await capacityViolations(api.db)).toEqual([]);
    await setCapacity(null);
    // Each registration renders its message (React, QR code) in its transaction: 200 of them
    // take tens of seconds on a loaded machine.
  }, 240_000);
});

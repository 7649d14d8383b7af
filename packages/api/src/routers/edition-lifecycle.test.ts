import {
  insertResponses,
  insertSurvey,
  listSurveys,
  receivedAnswerCount,
} from "@tribune/db/repos/surveys";
import { activityCounts, testBackends } from "@tribune/db/testing";
import { localDay } from "@tribune/domain/kernel";
import { referenceSubdivision } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import {
  AMPHI,
  EDITION_2026,
  REFERENCE,
  referenceSession,
  rejection,
  useSeededApi,
} from "../test-support";

const LILLE = referenceSubdivision("lille").id;
const REMPLA = referenceSession("1,2,3 rempla");

/** A day `days` from today, as AAAA-MM-JJ. */
const dayFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const edition2027 = {
  number: 27,
  year: 2027,
  theme: "Soigner demain",
  city: "Lyon",
  venue: "Centre de congrès de Lyon",
  firstDay: "2027-01-21",
  lastDay: "2027-01-22",
};

describe.each(testBackends())("edition lifecycle on %s", (backend) => {
  const api = useSeededApi(backend);

  describe("from scratch", () => {
    it("creates an edition in preparation, with a blank press kit and a programme in preparation", async () => {
      const organiser = await api.callerAs("organiser");
      const created = await organiser.edition.create({
        ...edition2027,
        number: 40,
        year: 2040,
        firstDay: "2040-01-19",
        lastDay: "2040-01-20",
        capacity: 600,
        budgetEuros: 300_000,
      });
      expect(created).toMatchObject({
        year: 2040,
        city: "Lyon",
        timeZone: "Europe/Paris",
        registrationOpensOn: null,
        archivedAt: null,
        status: { state: "preparation", label: "En préparation", registrationOpen: false },
      });
      expect(created).not.toHaveProperty("budgetEuros");
      const admin = await api.callerAs("admin");
      expect(await admin.edition.byYear({ year: 2040 })).toMatchObject({ budgetEuros: 300_000 });
      expect(await admin.registration.capacity({ editionId: created.id })).toMatchObject({
        capacity: 600,
        confirmed: 0,
      });

      const programme = await (await api.anonymous()).schedule.programme({ year: 2040 });
      expect(programme).toMatchObject({
        entries: [],
        inPreparation: true,
        status: { state: "preparation" },
      });

      // Templates, never the 2026 texts.
      const sections = await admin.pressKit.sections({ year: 2040 });
      expect(sections).toHaveLength(11);
      expect(sections.every((s) => s.text === "" && s.status === "draft" && !s.stored)).toBe(true);
      const kit2026 = await admin.pressKit.sections({ year: 2026 });
      expect(kit2026.find((s) => s.sectionId === "ouverture")?.text).not.toBe("");
      // The kit it prints carries none of 2026's texts, signatures or contacts.
      const printed = JSON.stringify(await admin.pressKit.model({ year: 2040 }));
      for (const of2026 of [
        "ATIKA BOKHARI",
        "PIERRE-ALEXANDRE LECOMTE",
        "Le congrès 2026",
        "Dijon",
      ])
        expect(printed).not.toContain(of2026);
    });

    it("refuses a year or a number already taken, and anyone but organisers and admin", async () => {
      const organiser = await api.callerAs("organiser");
      const sameYear = await rejection(organiser.edition.create({ ...edition2027, year: 2026 }));
      expect(sameYear.data).toMatchObject({ appCode: "already_exists" });
      expect(sameYear.message).toBe("Une édition 2026 existe déjà.");
      const sameNumber = await rejection(
        organiser.edition.create({ ...edition2027, year: 2041, number: 26 }),
      );
      expect(sameNumber.message).toBe("Le 26e congrès existe déjà (édition 2026).");
      for (const role of ["press", "bureau", "representative", "member"] as const) {
        const refused = await rejection((await api.callerAs(role)).edition.create(edition2027));
        expect(refused.data).toMatchObject({ code: "FORBIDDEN" });
      }
      const badDates = await rejection(
        organiser.edition.create({ ...edition2027, year: 2042, number: 42, lastDay: "2027-01-01" }),
      );
      expect(badDates.data?.fieldErrors).toEqual({
        lastDay: ["Le dernier jour précède le premier."],
      });
    });
  });

  describe("from a previous one", () => {
    it("copies rooms, the capacity, press-kit texts as drafts and quoted figures, partners, surveys as drafts and, asked, the programme with its workshops' places; never registrations, sign-ups or responses", async () => {
      const organiser = await api.callerAs("organiser");
      const admin = await api.callerAs("admin");
      // 2026 as it was lived: a room's capacity, a registration checked in, a survey answered.
      await organiser.room.update({ id: AMPHI, capacity: 900 });
      const registration = await organiser.registration.create({
        editionId: EDITION_2026,
        firstName: "Inès",
        lastName: "Copie",
        email: "ines.copie@exemple.fr",
        subdivisionId: LILLE,
      });
      await organiser.checkIn.byId({ registrationId: registration.id });
      const survey = await insertSurvey(api.db, {
        slug: "temps-de-travail-2025",
        title: "Temps de travail des internes 2025",
        year: 2025,
        opensOn: "2025-03-01",
        closesOn: "2025-04-01",
        status: "closed",
        questions: [{ id: "heures", type: "yes_no", label: "Plus de 48 h ?" }],
      });
      await insertResponses(api.db, survey.id, [
        { submittedOn: "2025-03-02", answers: { heures: true } },
      ]);
      // The places set for one workshop, the edition's capacity, a figure quoted in the kit.
      await organiser.signup.setCapacity({ sessionId: REMPLA.id, capacity: 42 });
      await organiser.registration.setCapacity({ editionId: EDITION_2026, capacity: 750 });
      const quoted = {
        id: "drees-burnout-copie",
        label: "des internes déclarent des symptômes d'épuisement",
        value: 66.2,
        unit: "percent" as const,
        decimals: 1,
        sourceOrganisation: "DREES",
        sourceTitle: "Santé des internes en médecine",
        sample: "2 145 internes interrogé·es en ligne",
        publishedOn: "2025-03-12",
        url: "https://drees.example/sante-internes",
      };
      await admin.pressKit.createManualFigure({ year: 2026, ...quoted });
      const activityBefore = await activityCounts(api.db);
      expect(activityBefore).toMatchObject({ registrations: 1, surveyResponses: 1 });

      const { edition, copied } = await organiser.edition.createFrom({
        ...edition2027,
        fromYear: 2026,
        copy: { programme: true },
      });
      expect(copied).toMatchObject({
        fromYear: 2026,
        rooms: 4,
        sessions: REFERENCE.sessions.length,
        sessionsLeftOut: [],
        sections: 11,
        partners: REFERENCE.partners.length,
        surveys: ["temps-de-travail-2027"],
        sessionPlaces: 1,
        capacity: 750,
        manualFigures: 1,
      });
      expect(edition).toMatchObject({
        year: 2027,
        city: "Lyon",
        subtitle: REFERENCE.edition.subtitle,
      });

      expect(
        (await (await api.anonymous()).edition.partners({ editionId: edition.id })).map(
          (p) => p.name,
        ),
      ).toEqual(REFERENCE.partners.map((p) => p.name));
      const rooms = await organiser.room.list({ editionId: edition.id });
      expect(rooms.find((r) => r.name === "Amphi Romanée Conti")?.capacity).toBe(900);
      expect(rooms.map((r) => r.id)).not.toContain(AMPHI);

      const sessions = await organiser.session.list({ editionId: edition.id });
      expect(sessions).toHaveLength(REFERENCE.sessions.length);
      expect(sessions.every((s) => !s.published)).toBe(true);
      expect(new Set(sessions.map((s) => localDay(s.startsAt)))).toEqual(
        new Set(["2027-01-21", "2027-01-22"]),
      );
      const roomIds = new Set(rooms.map((r) => r.id));
      expect(sessions.flatMap((s) => s.roomIds).every((id) => roomIds.has(id))).toBe(true);
      // The workshop's places follow its copy; the other sessions keep their rooms' capacity.
      const places = await organiser.signup.overview({ editionId: edition.id });
      const remplaCopy = sessions.find((s) => s.title === REMPLA.title);
      expect(places.find((p) => p.sessionId === remplaCopy?.id)).toMatchObject({
        capacity: 42,
        confirmed: 0,
        waitlisted: 0,
      });
      const before = await organiser.signup.overview({ editionId: EDITION_2026 });
      for (const place of places.filter((p) => p.sessionId !== remplaCopy?.id))
        expect(place.capacity).toBe(before.find((b) => b.title === place.title)?.capacity);
      expect(await admin.registration.capacity({ editionId: edition.id })).toMatchObject({
        capacity: 750,
      });
      // The quoted figure, as it was: value and provenance.
      expect(await admin.pressKit.manualFigures({ year: 2027 })).toEqual([
        expect.objectContaining({ ...quoted }),
      ]);
      // Drafts: the public programme of 2027 is still in preparation, 2026's unchanged.
      const anonymous = await api.anonymous();
      expect(await anonymous.schedule.programme({ year: 2027 })).toMatchObject({
        entries: [],
        inPreparation: true,
      });
      expect((await anonymous.schedule.programme({ year: 2026 })).entries).toHaveLength(
        REFERENCE.sessions.length,
      );

      const sections = await admin.pressKit.sections({ year: 2027 });
      const kit2026 = await admin.pressKit.sections({ year: 2026 });
      expect(sections.every((s) => s.stored && s.status === "draft")).toBe(true);
      expect(sections.find((s) => s.sectionId === "ouverture")?.text).toBe(
        kit2026.find((s) => s.sectionId === "ouverture")?.text,
      );
      expect(kit2026.every((s) => s.status === "validated")).toBe(true);

      const draft = (await listSurveys(api.db)).find((s) => s.slug === "temps-de-travail-2027");
      expect(draft).toMatchObject({
        title: "Temps de travail des internes 2027",
        year: 2027,
        status: "draft",
        opensOn: null,
      });
      expect(await receivedAnswerCount(api.db, draft?.id ?? "")).toBe(0);

      // Never copied: registrations, check-ins, sign-ups, responses, tokens, votes.
      expect(await activityCounts(api.db)).toEqual(activityBefore);
      expect(await admin.registration.capacity({ editionId: edition.id })).toMatchObject({
        confirmed: 0,
        checkedIn: 0,
        waitlisted: 0,
        cancelled: 0,
      });
    });

    it("copies no partner nor programme when not asked, and names an unknown source", async () => {
      const organiser = await api.callerAs("organiser");
      const { copied } = await organiser.edition.createFrom({
        ...edition2027,
        number: 28,
        year: 2028,
        firstDay: "2028-01-20",
        lastDay: "2028-01-21",
        fromYear: 2026,
        copy: { partners: false, programme: false, surveys: false },
      });
      expect(copied).toMatchObject({ rooms: 4, sessions: 0, partners: 0, surveys: [] });
      const edition2028 = await organiser.edition.byYear({ year: 2028 });
      expect(await organiser.edition.partners({ editionId: edition2028.id })).toEqual([]);
      const [first] = REFERENCE.partners;
      const chosen = await organiser.edition.setPartners({
        editionId: edition2028.id,
        partnerIds: [first?.id ?? ""],
      });
      expect(chosen.map((p) => p.name)).toEqual([first?.name]);
      const unknown = await rejection(
        organiser.edition.setPartners({ editionId: edition2028.id, partnerIds: [edition2028.id] }),
      );
      expect(unknown.message).toBe("Un des partenaires choisis n'existe pas.");
      const missing = await rejection(
        organiser.edition.createFrom({ ...edition2027, number: 29, year: 2029, fromYear: 2019 }),
      );
      expect(missing.message).toBe("L'édition 2019 introuvable.");
    });
  });

  describe("editing and archiving", () => {
    it("edits any field until archived, and keeps the sessions within the days", async () => {
      const organiser = await api.callerAs("organiser");
      const edition = await organiser.edition.byYear({ year: 2027 });
      const updated = await organiser.edition.update({
        id: edition.id,
        theme: "Le soin, demain",
        venue: "Cité internationale",
        expectedAttendance: 1200,
        capacity: 1100,
      });
      expect(updated).toMatchObject({ theme: "Le soin, demain", venue: "Cité internationale" });
      expect((await organiser.registration.capacity({ editionId: edition.id })).capacity).toBe(
        1100,
      );
      const shrunk = await rejection(
        organiser.edition.update({ id: edition.id, lastDay: "2027-01-21" }),
      );
      expect(shrunk.data).toMatchObject({ appCode: "invalid" });
      expect(shrunk.message).toMatch(
        /^\d+ sessions tomberaient hors des nouveaux jours \(par exemple « .+ »\) : déplacez-les d'abord\.$/,
      );
    });

    it("archives an edition that is over, which is then read-only everywhere", async () => {
      const admin = await api.callerAs("admin");
      const organiser = await api.callerAs("organiser");
      const anonymous = await api.anonymous();
      const past = await organiser.edition.create({
        ...edition2027,
        number: 24,
        year: 2024,
        firstDay: "2024-01-18",
        lastDay: "2024-01-19",
        registrationOpensOn: "2023-10-01",
      });
      const room = await organiser.room.create({
        editionId: past.id,
        name: "Amphi A",
        capacity: 200,
        order: 1,
        days: [],
      });
      const workshop = {
        editionId: past.id,
        kind: "atelier" as const,
        title: "Atelier",
        startsAt: "2024-01-18T09:00:00.000Z",
        endsAt: "2024-01-18T10:00:00.000Z",
        roomIds: [room.id],
      };
      const kept = await organiser.session.create({ ...workshop, published: true });
      // Lived before it was archived: two registrations, and a workshop sign-up.
      const registered = (firstName: string) =>
        organiser.registration.create({
          editionId: past.id,
          firstName,
          lastName: "Archive",
          email: `${firstName.toLowerCase()}.archive@exemple.fr`,
          subdivisionId: LILLE,
        });
      const attendee = await registered("Noe");
      const other = await registered("Lou");
      await organiser.signup.add({ registrationId: attendee.id, sessionId: kept.session.id });

      const refusedToOrganiser = await rejection(organiser.edition.archive({ id: past.id }));
      expect(refusedToOrganiser.data).toMatchObject({ code: "FORBIDDEN" });
      const future = await organiser.edition.byYear({ year: 2027 });
      const tooEarly = await rejection(admin.edition.archive({ id: future.id }));
      expect(tooEarly.message).toBe(
        "L'édition 2027 n'est pas terminée : elle ne s'archive qu'après son dernier jour (22 janvier 2027).",
      );

      const archived = await admin.edition.archive({ id: past.id });
      expect(archived).toMatchObject({ status: { state: "archived", readOnly: true } });
      expect(archived.archivedAt).not.toBeNull();

      const locked = "L'édition 2024 est archivée : elle se consulte mais ne se modifie plus.";
      const late = {
        editionId: past.id,
        firstName: "Zoé",
        lastName: "Tardive",
        email: "zoe.tardive@exemple.fr",
        subdivisionId: LILLE,
      };
      const session = kept.session.id;
      const attempts: [string, () => Promise<unknown>][] = [
        ["edition.update", () => organiser.edition.update({ id: past.id, city: "Nantes" })],
        ["session.create", () => organiser.session.create({ ...workshop, title: "Ajout" })],
        ["session.update", () => organiser.session.update({ id: session, title: "Renommé" })],
        ["session.delete", () => organiser.session.delete({ id: session })],
        [
          "room.create",
          () =>
            organiser.room.create({
              editionId: past.id,
              name: "B",
              capacity: 10,
              order: 2,
              days: [],
            }),
        ],
        ["room.update", () => organiser.room.update({ id: room.id, capacity: 300 })],
        ["room.delete", () => organiser.room.delete({ id: room.id, confirm: true })],
        ["registration.create", () => organiser.registration.create(late)],
        ["registration.register", () => anonymous.registration.register(late)],
        ["registration.cancel", () => organiser.registration.cancel({ id: attendee.id })],
        [
          "registration.cancelByCode",
          () => anonymous.registration.cancelByCode({ code: other.code }),
        ],
        ["checkIn.byId", () => organiser.checkIn.byId({ registrationId: other.id })],
        [
          "registration.setCapacity",
          () => organiser.registration.setCapacity({ editionId: past.id, capacity: 10 }),
        ],
        [
          "signup.add",
          () => organiser.signup.add({ registrationId: other.id, sessionId: session }),
        ],
        ["signup.join", () => anonymous.signup.join({ code: other.code, sessionId: session })],
        [
          "signup.remove",
          () => organiser.signup.remove({ registrationId: attendee.id, sessionId: session }),
        ],
        ["signup.leave", () => anonymous.signup.leave({ code: attendee.code, sessionId: session })],
        [
          "signup.setCapacity",
          () => organiser.signup.setCapacity({ sessionId: session, capacity: 50 }),
        ],
        [
          "session.setCapacities",
          () => organiser.session.setCapacities({ editionId: past.id, capacity: 50 }),
        ],
        [
          "pressKit.updateSection",
          () =>
            admin.pressKit.updateSection({
              year: 2024,
              sectionId: "representer",
              title: "Représenter",
              kicker: null,
              text: "Une ligne.",
              signature: null,
            }),
        ],
        [
          "pressKit.moveSection",
          () =>
            admin.pressKit.moveSection({ year: 2024, sectionId: "planning", direction: "down" }),
        ],
        [
          "pressKit.setSectionStatus",
          () =>
            admin.pressKit.setSectionStatus({
              year: 2024,
              sectionId: "representer",
              status: "validated",
            }),
        ],
        [
          "edition.setPartners",
          () => organiser.edition.setPartners({ editionId: past.id, partnerIds: [] }),
        ],
      ];
      for (const [path, attempt] of attempts) {
        const refused = await rejection(attempt());
        expect([path, refused.data?.appCode, refused.message]).toEqual([path, "locked", locked]);
      }
      const twice = await rejection(admin.edition.archive({ id: past.id }));
      expect([twice.data?.appCode, twice.message]).toEqual([
        "locked",
        "L'édition 2024 est déjà archivée.",
      ]);
      // Still readable, unchanged.
      expect((await organiser.room.list({ editionId: past.id })).map((r) => r.capacity)).toEqual([
        200,
      ]);
      expect((await organiser.session.list({ editionId: past.id })).map((s) => s.title)).toEqual([
        "Atelier",
      ]);
      expect(await organiser.registration.capacity({ editionId: past.id })).toMatchObject({
        capacity: null,
        confirmed: 2,
        checkedIn: 0,
        cancelled: 0,
      });
    });
  });

  describe("registration window", () => {
    it("takes self-registrations only within its window, and says why not in French", async () => {
      const organiser = await api.callerAs("organiser");
      const anonymous = await api.anonymous();
      const edition = await organiser.edition.create({
        ...edition2027,
        number: 35,
        year: 2035,
        firstDay: "2035-01-18",
        lastDay: "2035-01-19",
        registrationOpensOn: dayFromNow(10),
      });
      let n = 0;
      const intern = () => ({
        editionId: edition.id,
        firstName: "Jeanne",
        lastName: `Fenêtre${++n}`,
        email: `jeanne.fenetre${n}@exemple.fr`,
        subdivisionId: LILLE,
      });
      const early = await rejection(anonymous.registration.register(intern()));
      expect(early.data).toMatchObject({ code: "CONFLICT", appCode: "registration_closed" });
      expect(early.message).toMatch(
        /^Les inscriptions au congrès 2035 ouvriront le \d+ \S+ \d{4}\.$/,
      );
      // The organisers register by hand at any time (the desk on the day).
      await expect(organiser.registration.create(intern())).resolves.toMatchObject({
        status: "registered",
      });

      await organiser.edition.update({
        id: edition.id,
        registrationOpensOn: dayFromNow(-3),
        registrationClosesOn: dayFromNow(5),
      });
      expect((await organiser.edition.get({ id: edition.id })).status).toMatchObject({
        state: "registration_open",
        registrationOpen: true,
      });
      // The public answer is the same for every address; the code and status go by e-mail.
      await expect(anonymous.registration.register(intern())).resolves.toMatchObject({
        email: `jeanne.fenetre${n}@exemple.fr`,
      });

      await organiser.edition.update({ id: edition.id, registrationClosesOn: dayFromNow(-1) });
      const late = await rejection(anonymous.registration.register(intern()));
      expect(late.data).toMatchObject({ appCode: "registration_closed" });
      expect(late.message).toMatch(
        /^Les inscriptions au congrès 2035 sont closes depuis le .+ au soir\.$/,
      );
      expect((await organiser.edition.get({ id: edition.id })).status.state).toBe("preparation");
    });
  });

  describe("current edition", () => {
    it("is the next to come between editions", async () => {
      const current = await (await api.anonymous()).edition.current();
      // Today (after January 2026), the next congress to come among those of this file.
      const upcoming = [2027, 2028, 2035, 2040].filter((y) => `${y}-01-19` > dayFromNow(0));
      expect(current?.year).toBe(upcoming[0] ?? 2040);
    });
  });
});

import { listSubdivisionOptions } from "@tribune/db/repos/subdivisions";
import { findUserByEmail } from "@tribune/db/repos/users";
import { testBackends } from "@tribune/db/testing";
import type { Role } from "@tribune/domain/auth";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../accounts";
import { SYSTEM } from "../audit";
import {
  AMPHI,
  type Caller,
  EDITION_2026,
  freshEmail,
  referenceSession,
  rejection,
  useSeededApi,
} from "../test-support";

/**
 * Bad input of every kind — control characters in text, integers beyond PostgreSQL's range,
 * dates out of any sane range, links that would run script, guessable passwords — is refused
 * as a 400 `invalid` with a French message, and stores nothing. Before, most of it was a 500.
 */

const NUL = "\u0000";
const INVISIBLE = /^Caractère invisible non autorisé \(U\+[0-9A-F]{4}\) : retirez-le\.$/;
const ONE_LINE = "Ce champ tient sur une seule ligne (ni retour à la ligne, ni tabulation).";
const YEAR_RANGE = "Date hors des années 2000 à 2100.";
const WEB_ADDRESS = "Adresse web invalide (elle commence par https:// ou http://).";
const OUTSIDE_EDITION =
  "La session doit avoir lieu pendant le congrès, entre le 22 janvier 2026 et le 23 janvier 2026.";
const BIG = 2 ** 31;
const SOME_ID = "00000000-0000-4000-8000-0000000000aa";
const FILIERIS = referenceSession("Conférence partenaire : Filieris");

interface Case {
  /** What is sent, and where. */
  what: string;
  as: Role | null;
  call: (caller: Caller) => Promise<unknown>;
  /** The message the person reads, on the field or for the whole form. */
  message: string | RegExp;
}

describe.each(testBackends())("bad input on %s", (backend) => {
  const api = useSeededApi(backend);
  let subdivisionId = "";
  let surveyId = "";
  const surveySlug = "flash-texte-libre";

  /** Rows in every table, as one line: a refused call must leave it as it was. */
  async function everyRowCount(): Promise<string> {
    const tables = (
      (await api.db.execute(
        "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
      )) as unknown as { rows: { table_name: string }[] }
    ).rows.map((r) => r.table_name);
    const counts = (await api.db.execute(
      tables.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(" union all "),
    )) as unknown as { rows: { t: string; n: number }[] };
    return counts.rows.map((r) => `${r.t}=${r.n}`).join(" ");
  }

  beforeAll(async () => {
    subdivisionId = (await listSubdivisionOptions(api.db))[0]?.id ?? "";
    const bureau = await api.callerAs("bureau");
    const survey = await bureau.survey.create({
      slug: surveySlug,
      title: "Enquête flash",
      year: 2026,
      anonymity: "open_link",
      opensOn: "2026-01-05",
      closesOn: "2026-02-05",
      questions: [{ id: "remarques", type: "text", label: "Remarques" }],
    });
    await bureau.survey.setStatus({ id: survey.id, status: "open" });
    surveyId = survey.id;
  });

  async function expectRefused({ as, call, message }: Case) {
    const caller = as ? await api.callerAs(as) : await api.anonymous();
    const before = await everyRowCount();
    const error = await rejection(call(caller));
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", appCode: "invalid", httpStatus: 400 });
    const messages = [error.message, ...Object.values(error.data.fieldErrors ?? {}).flat()];
    expect(messages).toContainEqual(
      typeof message === "string" ? message : expect.stringMatching(message),
    );
    expect(await everyRowCount()).toBe(before);
  }

  const registration = (more: object) => ({
    editionId: EDITION_2026,
    firstName: "Jeanne",
    lastName: "Martin",
    email: freshEmail("jeanne"),
    subdivisionId,
    yearOfTraining: 2,
    ...more,
  });
  const session = (more: object) => ({
    editionId: EDITION_2026,
    kind: "atelier" as const,
    title: "Atelier des cas difficiles",
    startsAt: "2026-01-22T13:00:00.000Z",
    endsAt: "2026-01-22T14:00:00.000Z",
    roomIds: [AMPHI],
    ...more,
  });
  const member = (more: object) => ({
    subdivisionId,
    firstName: "Paul",
    lastName: "Durand",
    email: freshEmail("paul"),
    yearOfTraining: 1,
    membershipStatus: "active" as const,
    membershipYear: 2026,
    ...more,
  });
  const section = (text: string) => ({
    year: 2026,
    sectionId: "ouverture" as const,
    title: "Texte d'ouverture",
    kicker: null,
    text,
    signature: { name: "Atika Bokhari", role: "Présidente" },
  });

  const controlCharacters: Case[] = [
    {
      what: "a NUL in a name on the public registration form",
      as: null,
      call: (c) => c.registration.register(registration({ firstName: `Jea${NUL}nne` })),
      message: INVISIBLE,
    },
    {
      what: "a NUL in a member's last name",
      as: "organiser",
      call: (c) => c.member.create(member({ lastName: `Durand${NUL}` })),
      message: INVISIBLE,
    },
    {
      what: "a NUL in a speaker's name",
      as: "organiser",
      call: (c) => c.speaker.create({ name: `Dr ${NUL}Martin` }),
      message: INVISIBLE,
    },
    {
      what: "a bell character in a speaker's biography",
      as: "organiser",
      call: (c) => c.speaker.create({ name: "Dr Martin", bio: "Généraliste\u0007 à Dijon." }),
      message: INVISIBLE,
    },
    {
      what: "a line break in a speaker's name",
      as: "organiser",
      call: (c) => c.speaker.create({ name: "Dr\nMartin" }),
      message: ONE_LINE,
    },
    {
      what: "a NUL in a session's title",
      as: "organiser",
      call: (c) => c.session.create(session({ title: `Atelier${NUL}` })),
      message: INVISIBLE,
    },
    {
      what: "half a surrogate pair in a session's title",
      as: "organiser",
      call: (c) => c.session.create(session({ title: "Atelier \ud83e" })),
      message: INVISIBLE,
    },
    {
      what: "an escape character in a session's description",
      as: "organiser",
      call: (c) => c.session.update({ id: FILIERIS.id, description: "\u001b[31mrouge" }),
      message: INVISIBLE,
    },
    {
      what: "a NUL in a new subdivision's name",
      as: "organiser",
      call: (c) => c.subdivision.create({ name: `Lyon${NUL}` }),
      message: INVISIBLE,
    },
    {
      what: "a NUL in a subdivision's union name",
      as: "organiser",
      call: (c) => c.subdivision.update({ id: subdivisionId, unionName: `SIMG${NUL}` }),
      message: INVISIBLE,
    },
    {
      what: "a NUL in a press-kit section's text",
      as: "press",
      call: (c) => c.pressKit.updateSection(section(`Un texte.\n\nEt un NUL${NUL}.`)),
      message: INVISIBLE,
    },
    {
      what: "a NUL in a free-text survey answer",
      as: null,
      call: (c) =>
        c.survey.respond({ slug: surveySlug, answers: { remarques: `Rien à dire${NUL}` } }),
      message: INVISIBLE,
    },
    {
      what: "a NUL in a survey export's breakdown",
      as: "bureau",
      call: (c) => c.survey.exportResults({ id: surveyId, groupBy: `remarques${NUL}` }),
      message: INVISIBLE,
    },
    {
      what: "a NUL in the question of a free-text answer to hide",
      as: "bureau",
      call: (c) =>
        c.survey.hideFreeText({
          surveyId,
          questionId: `remarques${NUL}`,
          answerId: "a".repeat(64),
        }),
      message: INVISIBLE,
    },
    {
      what: "a NUL in a meeting's city",
      as: "bureau",
      call: (c) => c.motion.createMeeting({ date: "2026-03-14", city: `Lille${NUL}` }),
      message: INVISIBLE,
    },
    {
      what: "a NUL in a member CSV import",
      as: "organiser",
      call: (c) => c.member.importCsv({ csv: `prenom;nom\nPaul;Du${NUL}rand`, dryRun: true }),
      message: INVISIBLE,
    },
    {
      what: "a NUL in the registrations' search box",
      as: "organiser",
      call: (c) => c.registration.list({ editionId: EDITION_2026, search: `mar${NUL}` }),
      message: INVISIBLE,
    },
    {
      what: "a NUL in the audit log's actor filter",
      as: "admin",
      call: (c) => c.audit.list({ actorEmail: `admin${NUL}@tribune.test` }),
      message: INVISIBLE,
    },
  ];

  const bigIntegers: Case[] = [
    {
      what: "an edition capacity of 2³¹",
      as: "organiser",
      call: (c) => c.registration.setCapacity({ editionId: EDITION_2026, capacity: BIG }),
      message: "Au plus 1 000 000 de places.",
    },
    {
      what: "a session capacity override of 2³¹",
      as: "organiser",
      call: (c) => c.session.update({ id: FILIERIS.id, capacityOverride: BIG }),
      message: "Au plus 100 000 places.",
    },
    {
      what: "2³¹ declared members",
      as: "organiser",
      call: (c) => c.subdivision.update({ id: subdivisionId, declaredMembers: BIG }),
      message: "Au plus 100 000 adhérent·es.",
    },
    {
      what: "a room of 2³¹ seats",
      as: "organiser",
      call: (c) =>
        c.room.create({ editionId: EDITION_2026, name: "Hall", capacity: BIG, order: 9, days: [] }),
      message: "Au plus 100 000 places.",
    },
    {
      what: "a dossier at rank 2³¹",
      as: "bureau",
      call: (c) => c.dossier.update({ id: SOME_ID, position: BIG }),
      message: "Le rang va jusqu'à 10 000.",
    },
    {
      what: "a disclosure threshold of 2³¹",
      as: "bureau",
      call: (c) =>
        c.survey.create({
          slug: "seuil-immense",
          title: "Seuil",
          year: 2026,
          opensOn: null,
          closesOn: null,
          disclosureThreshold: BIG,
          questions: [],
        }),
      message: "La valeur doit être au plus 100000.",
    },
    {
      what: "a member list offset of 2³¹",
      as: "organiser",
      call: (c) => c.member.list({ offset: BIG }),
      message: "La valeur doit être au plus 1000000.",
    },
  ];

  const badDates: Case[] = [
    {
      what: "a session in year 1",
      as: "organiser",
      call: (c) =>
        c.session.create(
          session({ startsAt: "0001-01-01T10:00:00Z", endsAt: "0001-01-01T11:00:00Z" }),
        ),
      message: YEAR_RANGE,
    },
    {
      what: "a session in year 9999",
      as: "organiser",
      call: (c) =>
        c.session.create(
          session({ startsAt: "9999-12-31T10:00:00Z", endsAt: "9999-12-31T11:00:00Z" }),
        ),
      message: YEAR_RANGE,
    },
    {
      what: "a session on 30 February",
      as: "organiser",
      call: (c) =>
        c.session.create(
          session({ startsAt: "2026-02-30T10:00:00Z", endsAt: "2026-02-30T11:00:00Z" }),
        ),
      message: "Horodatage ISO 8601 attendu.",
    },
    {
      what: "a new session the day after the congress",
      as: "organiser",
      call: (c) =>
        c.session.create(
          session({ startsAt: "2026-01-24T09:00:00+01:00", endsAt: "2026-01-24T10:00:00+01:00" }),
        ),
      message: OUTSIDE_EDITION,
    },
    {
      what: "a session moved to the eve of the congress",
      as: "organiser",
      call: (c) =>
        c.session.move({
          id: FILIERIS.id,
          startsAt: "2026-01-21T15:30:00+01:00",
          endsAt: "2026-01-21T16:00:00+01:00",
        }),
      message: OUTSIDE_EDITION,
    },
    {
      what: "a session edited to end after the congress",
      as: "organiser",
      call: (c) => c.session.update({ id: FILIERIS.id, endsAt: "2026-01-24T00:30:00+01:00" }),
      message: OUTSIDE_EDITION,
    },
    {
      what: "a meeting in year 1",
      as: "bureau",
      call: (c) => c.motion.createMeeting({ date: "0001-01-01", city: "Lille" }),
      message: YEAR_RANGE,
    },
    {
      what: "a survey opening in 9999",
      as: "bureau",
      call: (c) =>
        c.survey.create({
          slug: "enquete-9999",
          title: "Plus tard",
          year: 2026,
          opensOn: "9999-12-31",
          closesOn: null,
          questions: [],
        }),
      message: YEAR_RANGE,
    },
    {
      what: "the grid of 30 February",
      as: "organiser",
      call: (c) => c.schedule.grid({ editionId: EDITION_2026, day: "2026-02-30" }),
      message: "Date attendue au format AAAA-MM-JJ.",
    },
  ];

  const links: Case[] = [
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://filieris.fr/",
    "https://",
  ].map((website) => ({
    what: `a partner website ${website}`,
    as: "organiser",
    call: (c) => c.partner.create({ name: "Filieris bis", kind: "mutuelle", website }),
    message: WEB_ADDRESS,
  }));

  describe.each([
    ["control characters in text", controlCharacters],
    ["integers beyond PostgreSQL's range", bigIntegers],
    ["impossible or out-of-range dates", badDates],
    ["links that are not http(s)", links],
  ])("%s", (_, cases) => {
    it.each(cases.map((c) => [c.what, c] as const))("refuses %s, storing nothing", (_, c) =>
      expectRefused(c),
    );
  });

  it("still takes what people really type: accents, emoji, line breaks where they belong", async () => {
    const organiser = await api.callerAs("organiser");
    const created = await organiser.speaker.create({
      name: "  Dr Élodie N'Guessan 🩺 ",
      bio: "Généraliste à Dijon.\n\n\tInterne de 2018 à 2021.",
    });
    expect(created).toMatchObject({
      name: "Dr Élodie N'Guessan 🩺",
      bio: "Généraliste à Dijon.\n\n\tInterne de 2018 à 2021.",
    });
    const partner = await organiser.partner.create({
      name: "Filieris ter",
      kind: "mutuelle",
      website: "https://www.filieris.fr/",
    });
    expect(partner.website).toBe("https://www.filieris.fr/");
    const moved = await organiser.session.move({
      id: FILIERIS.id,
      startsAt: "2026-01-23T15:30:00+01:00",
      endsAt: "2026-01-23T16:00:00+01:00",
    });
    expect(moved.session.startsAt).toBe("2026-01-23T14:30:00.000Z");
  });

  describe("passwords", () => {
    it.each([
      ["a repeated letter", "aaaaaaaaaaaa"],
      ["a keyboard row", "azertyuiop12"],
      ["a common French word and digits", "motdepasse123"],
      ["the account's own address", "jeanne.martin@hopital.fr1"],
      ["the site's name and the year", "Tribune-2026"],
    ])("refuses %s, in French, and creates no account", async (_, password) => {
      const email = "jeanne.martin@hopital.fr";
      const refused = createAccount(api.db, { email, role: "member", password }, SYSTEM);
      await expect(refused).rejects.toMatchObject({
        code: "invalid",
        message: expect.stringMatching(/^Mot de passe trop facile à deviner : .+\.$/),
      });
      expect(await findUserByEmail(api.db, email)).toBeNull();
    });

    it("takes a long passphrase", async () => {
      const email = freshEmail("passphrase");
      const password = "quatre mots choisis au hasard";
      await createAccount(api.db, { email, role: "member", password }, SYSTEM);
      expect(await findUserByEmail(api.db, email)).not.toBeNull();
    });
  });
});

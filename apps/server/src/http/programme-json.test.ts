import { createEdition } from "@tribune/api";
import { insertRoom } from "@tribune/db/repos/rooms";
import { insertSession } from "@tribune/db/repos/sessions";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "../bootstrap";
import { startApp } from "../testing";

/** The public programme.json of a new edition, on a production database (no demo). */
describe.each(testBackends())("programme.json of a new edition on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startApp>>;
  let editionId: string;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await bootstrap(database.db, { demo: false });
    app = await startApp({ database });
    const edition = await createEdition(
      { db: database.db, actor: null },
      {
        number: 27,
        year: 2027,
        theme: "Soigner demain",
        subtitle: "",
        city: "Lyon",
        venue: "Centre de congrès de Lyon",
        firstDay: "2027-01-21",
        lastDay: "2027-01-22",
        timeZone: "Europe/Paris",
        expectedAttendance: 900,
        capacity: null,
        registrationOpensOn: null,
        registrationClosesOn: null,
        budgetEuros: 250_000,
      },
    );
    editionId = edition.id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const programme = async (): Promise<{ edition: object; sessions: unknown[] }> => {
    const res = await fetch(`${app.url}/api/editions/2027/programme.json`);
    expect(res.status).toBe(200);
    return (await res.json()) as { edition: object; sessions: unknown[] };
  };

  it("answers for the edition just created: in preparation, no session, no budget", async () => {
    const body = await programme();
    expect(body).toEqual({
      edition: expect.objectContaining({ number: 27, year: 2027, city: "Lyon" }),
      state: "preparation",
      inPreparation: true,
      sessions: [],
    });
    expect(body.edition).not.toHaveProperty("budgetEuros");
  });

  it("lists a session once it is published", async () => {
    const room = await insertRoom(database.db, {
      editionId,
      name: "Grand amphithéâtre",
      capacity: 800,
      order: 1,
      days: [],
    });
    await database.db.transaction((tx) =>
      insertSession(tx, {
        editionId,
        kind: "pleniere",
        title: "Plénière d'ouverture",
        description: "",
        startsAt: "2027-01-21T08:00:00.000Z",
        endsAt: "2027-01-21T09:00:00.000Z",
        roomIds: [room.id],
        wholeVenue: false,
        speakerIds: [],
        themes: [],
        partnerId: null,
        capacityOverride: null,
        published: true,
      }),
    );
    // A repository write announces nothing (the services do): say it, as they would, and wait
    // for the server's cache to hear it — on PostgreSQL through NOTIFY.
    await database.events.publish({ type: "programme.changed", editionId });
    await expect.poll(async () => (await programme()).sessions.length).toBe(1);
    const body = await programme();
    expect(body).toMatchObject({ state: "preparation", inPreparation: false });
    expect(body.sessions).toMatchObject([
      {
        day: "2027-01-21",
        start: "09:00",
        title: "Plénière d'ouverture",
        rooms: ["Grand amphithéâtre"],
      },
    ]);
  });
});

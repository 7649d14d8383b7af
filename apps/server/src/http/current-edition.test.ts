import { createEdition } from "@tribune/api";
import { insertEdition } from "@tribune/db/repos/editions";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "../bootstrap";
import { startApp, trpcGet } from "../testing";

const EDITION = {
  theme: "Soigner demain",
  subtitle: "",
  city: "Lyon",
  venue: "Centre de congrès de Lyon",
  timeZone: "Europe/Paris",
  expectedAttendance: 900,
  registrationOpensOn: null,
  registrationClosesOn: null,
  budgetEuros: 250_000,
};

/**
 * Every page and client asks which edition is the current one: the server keeps the list of
 * editions in its public cache, and any edition's change — a new one included — drops it.
 */
describe.each(testBackends())("the current edition on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await bootstrap(database.db, { demo: false });
    app = await startApp({ database });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const current = async () => {
    const res = await trpcGet(app.url, "edition.current", undefined);
    expect(res.status).toBe(200);
    return ((await res.json()) as { result: { data: { year: number } | null } }).result.data?.year;
  };

  it("is read from the cached list, and a new edition replaces it at once", async () => {
    // A production database starts with no edition: none is current.
    expect(await current()).toBeUndefined();

    // Written behind the services' back (no event): the cached list does not know it yet.
    await insertEdition(database.db, {
      ...EDITION,
      number: 35,
      year: 2035,
      firstDay: "2035-01-18",
      lastDay: "2035-01-19",
    });
    expect(await current()).toBeUndefined();

    // Created through the services (as the admin and the CLI do): every instance hears it.
    await createEdition(
      { db: database.db, actor: null, events: database.events },
      {
        ...EDITION,
        number: 40,
        year: 2040,
        firstDay: "2040-01-19",
        lastDay: "2040-01-20",
        capacity: null,
      },
    );
    // The event reaches the server (coalesced, over the bus) and the list is read again: the
    // nearest congress to come is now 2035.
    await expect.poll(current, { timeout: 5000, interval: 50 }).toBe(2035);
    const list = await trpcGet(app.url, "edition.list", undefined);
    const years = ((await list.json()) as { result: { data: { year: number }[] } }).result.data;
    expect(years.map((e) => e.year)).toEqual([2035, 2040]);
  });
});

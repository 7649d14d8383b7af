import { createPublicRateLimits, DEFAULT_ALLOWANCES } from "@tribune/api";
import { listRegistrations, liveCounts } from "@tribune/db/repos/registrations";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { referenceProgramme2026, referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "../bootstrap";
import { startApp, trpcPost } from "../testing";

const EDITION_ID = referenceProgramme2026().edition.id;
const DIJON = referenceSubdivision("dijon").id;

const register = (url: string, n: number) =>
  trpcPost(url, "registration.register", {
    editionId: EDITION_ID,
    firstName: "Interne",
    lastName: `Numéro ${n}`,
    email: `interne${n}@exemple.fr`,
    subdivisionId: DIJON,
  });

describe.each(testBackends())("public allowances on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startApp>>;
  let firstCode = "";

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await bootstrap(database.db);
    app = await startApp({
      database,
      rateLimits: createPublicRateLimits({
        ...DEFAULT_ALLOWANCES,
        register: { points: 2, windowSeconds: 600 },
      }),
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("refuses a third registration from one address in French, and stores nothing for it", async () => {
    const first = await register(app.url, 1);
    const second = await register(app.url, 2);
    expect([first.status, second.status]).toEqual([200, 200]);
    // The public answer gives no code (it goes by e-mail): read it as the organisers would.
    const { items } = await listRegistrations(database.db, {
      editionId: EDITION_ID,
      search: "interne1@exemple.fr",
    });
    firstCode = items[0]?.code ?? "";

    const third = await register(app.url, 3);
    expect(third.status).toBe(429);
    const { error } = (await third.json()) as {
      error: { message: string; data: { appCode: string } };
    };
    expect(error.data.appCode).toBe("rate_limited");
    expect(error.message).toMatch(
      /^Trop de demandes depuis cette adresse : réessayez dans \d+ minutes?\.$/,
    );

    const counts = await liveCounts(database.db, EDITION_ID);
    expect(counts.totals.confirmed + counts.totals.waitlisted).toBe(2);
  });

  it("counts each public action apart: with registering exhausted, cancelling still works", async () => {
    expect((await register(app.url, 4)).status).toBe(429);
    const cancelled = await trpcPost(app.url, "registration.cancelByCode", { code: firstCode });
    expect(cancelled.status).toBe(200);
  });
});

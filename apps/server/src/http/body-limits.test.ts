import { openTestDatabase } from "@tribune/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "../bootstrap";
import { startApp, trpcPost } from "../testing";

/** A request body of about `bytes` bytes: a CSV the size of a real survey export. */
const bigImport = (bytes: number) => ({
  surveyId: "00000000-0000-4000-8000-000000000000",
  csv: `id;q1\n${"1;2\n".repeat(Math.ceil(bytes / 4))}`,
  dryRun: true,
});

describe("request size limits", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    await bootstrap(database.db);
    app = await startApp({ database });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("refuses a 3 MB request to an ordinary procedure before reading it all", async () => {
    const res = await trpcPost(app.url, "survey.respond", bigImport(3_000_000));
    expect(res.status).toBe(413);
  });

  it("lets a 3 MB survey export reach the import procedure, which then asks who is calling", async () => {
    const res = await trpcPost(app.url, "survey.import", bigImport(3_000_000));
    expect(res.status).toBe(401);
  });
});

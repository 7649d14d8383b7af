import { randomUUID } from "node:crypto";
import type { Database } from "@tribune/db";
import { replaceSession } from "@tribune/db/repos/sessions";
import { seedReferenceEdition } from "@tribune/db/seed";
import { openTestDatabase, testBackends } from "@tribune/db/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "./context";
import { INTERNAL_MESSAGE } from "./errors";
import {
  callerFor,
  EDITION_2026,
  type ErrorShape,
  referenceSession,
  rejection,
} from "./test-support";

const SECRET = "password=hunter2 at 10.0.0.5:5432";

/** A database handle that fails on first use, as a dropped connection would. */
const brokenDatabase = new Proxy({} as Database, {
  get() {
    throw new Error(`connect ECONNREFUSED ${SECRET}`);
  },
});

const organiser: Actor = {
  id: randomUUID(),
  email: "organiser@tribune.test",
  displayName: "",
  role: "organiser",
  subdivisionId: null,
  authSessionId: randomUUID(),
};

/** What a client must see of any unexpected failure: a 500, a generic French message, nothing else. */
function expectOpaqueInternalError(error: ErrorShape) {
  expect(error.message).toBe(INTERNAL_MESSAGE);
  expect(error.data).toMatchObject({
    code: "INTERNAL_SERVER_ERROR",
    httpStatus: 500,
    appCode: "internal",
    fieldErrors: null,
    formErrors: null,
  });
  const wire = JSON.stringify(error);
  expect(wire).not.toMatch(/stack|hunter2|ECONNREFUSED|\bat .*\.ts:\d+/);
}

/** Sets NODE_ENV for one test (undefined: unset), and puts it back afterwards. */
function withNodeEnv(value: string | undefined) {
  const saved = process.env.NODE_ENV;
  const set = (v: string | undefined) => {
    if (v === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = v;
  };
  beforeEach(() => set(value));
  afterEach(() => set(saved));
}

describe.each([undefined, "development", "production"])(
  "unexpected errors with NODE_ENV=%s",
  (nodeEnv) => {
    withNodeEnv(nodeEnv);

    it("hides a public procedure's failure", async () => {
      expectOpaqueInternalError(await rejection(callerFor(brokenDatabase, null).edition.list()));
    });

    it("hides a guarded procedure's failure", async () => {
      const caller = callerFor(brokenDatabase, organiser);
      expectOpaqueInternalError(await rejection(caller.session.list({ editionId: EDITION_2026 })));
    });
  },
);

describe.each(testBackends())("database failures on %s", (backend) => {
  let db: Database;
  let closing: Promise<void> | undefined;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTestDatabase(backend);
    db = opened.db;
    close = () => {
      closing ??= opened.close();
      return closing;
    };
    await seedReferenceEdition(db);
  });
  afterAll(() => close());
  withNodeEnv(undefined);

  it("treats stored data that breaks the contract as a server error, not a bad request", async () => {
    const session = referenceSession("Gala");
    await replaceSession(db, { ...session, title: "x".repeat(301) });
    const error = await rejection(callerFor(db, organiser).session.get({ id: session.id }));
    expectOpaqueInternalError(error);
  });

  // Closes this file's database: keep it last.
  it("hides the error of a closed database", async () => {
    await close();
    expectOpaqueInternalError(await rejection(callerFor(db, null).edition.list()));
  });
});

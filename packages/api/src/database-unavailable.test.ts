import { randomUUID } from "node:crypto";
import type { Database } from "@tribune/db";
import { describe, expect, it } from "vitest";
import type { Actor } from "./context";
import { DATABASE_UNAVAILABLE_MESSAGE } from "./errors";
import { callerFor, EDITION_2026, rejection } from "./test-support";

const SECRET = "password=hunter2 at 10.0.0.5:5432";

/** A database handle whose every use fails with `error`. */
const failingWith = (error: () => Error) =>
  new Proxy({} as Database, {
    get() {
      throw error();
    },
  });

/** Drizzle's wrapper of a driver error (DrizzleQueryError): the driver's error is its cause. */
const failedQuery = (query: string, cause: Error) =>
  new Error(`Failed query: ${query}\nparams: `, { cause });

/** What node-postgres and drizzle raise when the server is down or drops the connection. */
const LOST_CONNECTIONS: Record<string, () => Error> = {
  "connection refused": () =>
    Object.assign(new Error(`connect ECONNREFUSED ${SECRET}`), { code: "ECONNREFUSED" }),
  "backend terminated": () =>
    failedQuery(
      "select 1",
      Object.assign(new Error("terminating connection due to administrator command"), {
        code: "57P01",
      }),
    ),
  "server restarting": () =>
    Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
  "socket closed": () => failedQuery("rollback", new Error("Connection terminated unexpectedly")),
  "client unusable": () =>
    new Error("Client has encountered a connection error and is not queryable"),
};

const organiser: Actor = {
  id: randomUUID(),
  email: "organiser@tribune.test",
  displayName: "",
  role: "organiser",
  subdivisionId: null,
  authSessionId: randomUUID(),
};

describe.each(Object.entries(LOST_CONNECTIONS))("a lost database (%s)", (_, error) => {
  it("is a 503 database_unavailable with a French message, not a 500, and reveals nothing", async () => {
    for (const call of [
      callerFor(failingWith(error), null).edition.list(),
      callerFor(failingWith(error), organiser).session.list({ editionId: EDITION_2026 }),
    ]) {
      const shape = await rejection(call);
      expect(shape.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
      expect(shape.data).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        httpStatus: 503,
        appCode: "database_unavailable",
      });
      expect(JSON.stringify(shape)).not.toMatch(/hunter2|ECONNREFUSED|57P0|stack/);
    }
  });
});

describe("errors that are not a lost connection", () => {
  it("stay a 500", async () => {
    const shape = await rejection(
      callerFor(
        failingWith(() => Object.assign(new Error("syntax error"), { code: "42601" })),
        null,
      ).edition.list(),
    );
    expect(shape.data).toMatchObject({ httpStatus: 500, appCode: "internal" });
  });
});

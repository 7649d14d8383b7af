import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INTERNAL_MESSAGE } from "@tribune/api";
import { listAudit } from "@tribune/db/repos/audit";
import { findSession } from "@tribune/db/repos/sessions";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import type { ProgrammeEntry } from "@tribune/domain/schedule";
import { referenceProgramme2026 } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bootstrap, type DemoAccount } from "../bootstrap";
import { logIn, startApp, trpcGet, trpcPost } from "../testing";

const reference = referenceProgramme2026();
const EDITION_ID = reference.edition.id;
const FILIERIS = reference.sessions.find((s) => s.title === "Conférence partenaire : Filieris");
if (!FILIERIS) throw new Error("Filieris session missing from the reference programme");

/** The `data` of a successful tRPC response. */
const dataOf = async (res: Response) =>
  ((await res.json()) as { result: { data: unknown } }).result.data;

describe.each(testBackends())("HTTP server on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startApp>>;
  let accounts: DemoAccount[];
  const log = vi.fn();

  const account = (role: DemoAccount["role"]) => {
    const found = accounts.find((a) => a.role === role);
    if (!found) throw new Error(`no demo ${role}`);
    return found;
  };
  const logInAs = (role: DemoAccount["role"]) =>
    logIn(app.url, account(role).email, account(role).password);

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ({ demoAccounts: accounts } = await bootstrap(database.db));
    app = await startApp({ database, log });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("answers /healthz", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  describe("programme.json", () => {
    it("lists the 34 sessions in Paris wall time, ordered by start", async () => {
      const res = await fetch(`${app.url}/api/editions/2026/programme.json`);
      expect(res.status).toBe(200);
      const { edition, sessions } = (await res.json()) as {
        edition: object;
        sessions: ProgrammeEntry[];
      };
      expect(edition).toMatchObject({ number: 26, city: "Dijon", firstDay: "2026-01-22" });
      expect(edition).not.toHaveProperty("budgetEuros");

      expect(sessions).toHaveLength(34);
      const starts = sessions.map((s) => Date.parse(s.startsAt));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(sessions[0]).toMatchObject({
        day: "2026-01-22",
        start: "08:00",
        end: "09:00",
        kind: "accueil",
        title: "Accueil des congressistes",
        speakers: [],
      });
      expect(sessions.find((s) => s.title === FILIERIS.title)).toMatchObject({
        day: "2026-01-22",
        start: "15:30",
        end: "16:00",
        rooms: ["Salle 4 : Meursault Nuits Corton"],
        kind: "conference_partenaire",
        partner: "Filieris",
      });
      expect(sessions.filter((s) => s.day === "2026-01-23")).toHaveLength(14);
      const hhmm = expect.stringMatching(/^\d\d:\d\d$/);
      for (const s of sessions) {
        expect(s).toMatchObject({ start: hhmm, end: hhmm, rooms: expect.any(Array), speakers: [] });
      }
    });

    it("answers 404 for an unknown edition", async () => {
      for (const year of [2031, 1999]) {
        const res = await fetch(`${app.url}/api/editions/${year}/programme.json`);
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: `Aucune édition ${year}.` });
      }
    });
  });

  describe("malformed requests", () => {
    it("answers a path with malformed escapes with 404, and keeps serving", async () => {
      const adminDir = mkdtempSync(join(tmpdir(), "tribune-admin-"));
      writeFileSync(join(adminDir, "index.html"), "<!doctype html><title>Tribune</title>");
      const withAdmin = await startApp({ database, adminDir, log });
      try {
        expect((await fetch(`${withAdmin.url}/programme/grille`)).status).toBe(200);
        expect((await fetch(`${withAdmin.url}/%E0%A4%A`)).status).toBe(404);
        expect((await fetch(`${withAdmin.url}/healthz`)).status).toBe(200);
      } finally {
        await withAdmin.close();
        rmSync(adminDir, { recursive: true, force: true });
      }
    });

    it("answers 400 to a request target that is no URL", async () => {
      const socket = connect(Number(new URL(app.url).port), "127.0.0.1");
      socket.end("GET http://[zz/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      const [head] = await once(socket, "data");
      expect(String(head)).toMatch(/^HTTP\/1\.1 400 /);
      socket.destroy();
    });

    it("treats a malformed session cookie as no session", async () => {
      const res = await trpcGet(app.url, "auth.me", undefined, {
        Cookie: "tribune_session=%E0%A4%A",
      });
      expect(res.status).toBe(200);
      expect(await dataOf(res)).toBeNull();
    });
  });

  describe("tRPC over HTTP", () => {
    it("logs in with an HttpOnly, SameSite=Lax session cookie that then authorises", async () => {
      const { email, password } = account("organiser");
      const res = await trpcPost(app.url, "auth.login", { email, password });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ result: { data: { email, role: "organiser" } } });
      const setCookie = res.headers.get("set-cookie") ?? "";
      expect(setCookie).toMatch(
        /^tribune_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/,
      );

      const cookie = setCookie.split(";")[0] ?? "";
      const list = await trpcGet(
        app.url,
        "session.list",
        { editionId: EDITION_ID },
        { Cookie: cookie },
      );
      expect(list.status).toBe(200);
      expect(await dataOf(list)).toHaveLength(34);

      const anonymous = await trpcGet(app.url, "session.list", { editionId: EDITION_ID });
      expect(anonymous.status).toBe(401);
    });

    it("uses a Secure __Host- cookie behind an https public URL", async () => {
      const secureApp = await startApp({ database, publicUrl: "https://tribune.example", log });
      try {
        const { email, password } = account("press");
        const res = await trpcPost(
          secureApp.url,
          "auth.login",
          { email, password },
          { Origin: "https://tribune.example" },
        );
        expect(res.status).toBe(200);
        const setCookie = res.headers.get("set-cookie") ?? "";
        expect(setCookie).toMatch(
          /^__Host-tribune_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Secure;/,
        );

        const me = await trpcGet(secureApp.url, "auth.me", undefined, {
          Cookie: setCookie.split(";")[0] ?? "",
        });
        expect(await dataOf(me)).toMatchObject({ email });
      } finally {
        await secureApp.close();
      }
    });

    it("accepts a batch of 10 calls and refuses 11", async () => {
      const batch = (n: number) =>
        fetch(`${app.url}/trpc/${Array(n).fill("edition.list").join(",")}?batch=1`);
      const ten = await batch(10);
      expect(ten.status).toBe(200);
      expect(await ten.json()).toHaveLength(10);
      expect((await batch(11)).status).toBe(400);
    });

    it("takes batched mutations as ?batch=1 with inputs keyed by position", async () => {
      const { email, password } = account("bureau");
      const res = await fetch(`${app.url}/trpc/auth.login,auth.login?batch=1`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          0: { email, password: "pas le bon mot de passe" },
          1: { email, password },
        }),
      });
      expect(res.status).toBe(207);
      expect(await res.json()).toMatchObject([
        { error: { data: { code: "UNAUTHORIZED" } } },
        { result: { data: { email, role: "bureau" } } },
      ]);
    });

    it("refuses a body over 1 MiB with 413", async () => {
      const res = await trpcPost(app.url, "auth.login", {
        email: "a@tribune.demo",
        password: "x".repeat(1_100_000),
      });
      expect(res.status).toBe(413);
    });

    it("refuses a cross-site POST with 403 and changes nothing", async () => {
      const cookie = await logInAs("admin");
      const res = await trpcPost(
        app.url,
        "session.delete",
        { id: FILIERIS.id },
        { Cookie: cookie, Origin: "https://evil.example" },
      );
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "foreign_origin" });
      expect(await findSession(database.db, FILIERIS.id)).not.toBeNull();
    });

    it("refuses a member's mutation with 403 FORBIDDEN and changes nothing", async () => {
      const cookie = await logInAs("member");
      const res = await trpcPost(
        app.url,
        "session.delete",
        { id: FILIERIS.id },
        { Cookie: cookie },
      );
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { data: { code: "FORBIDDEN" } } });
      expect(await findSession(database.db, FILIERIS.id)).not.toBeNull();
      expect(await listAudit(database.db, { limit: 100, entity: "session" })).toEqual([]);
    });

    it("rate-limits logins: 429 after repeated failures", async () => {
      const attempt = () =>
        trpcPost(app.url, "auth.login", { email: "intrus@tribune.demo", password: "devine-moi" });
      for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
      const res = await attempt();
      expect(res.status).toBe(429);
      expect(await res.json()).toMatchObject({ error: { data: { code: "TOO_MANY_REQUESTS" } } });
    });

    // A broken table makes queries fail with errors that carry SQL, table names and stacks.
    it.each([
      ["in a procedure", "sessions"],
      ["while resolving the session cookie", "auth_sessions"],
    ])("answers an unexpected error %s with 500 and the generic message only", async (_, table) => {
      const nodeEnv = process.env.NODE_ENV;
      delete process.env.NODE_ENV;
      const cookie = await logInAs("admin");
      log.mockClear();
      await database.db.execute(`alter table ${table} rename to broken_table`);
      try {
        const res = await trpcGet(
          app.url,
          "session.list",
          { editionId: EDITION_ID },
          { Cookie: cookie },
        );
        expect(res.status).toBe(500);
        const body = await res.text();
        expect(JSON.parse(body)).toEqual({
          error: {
            message: INTERNAL_MESSAGE,
            code: -32603,
            data: {
              code: "INTERNAL_SERVER_ERROR",
              httpStatus: 500,
              path: "session.list",
              appCode: "internal",
              message: INTERNAL_MESSAGE,
              fieldErrors: null,
              formErrors: null,
            },
          },
        });
        expect(body).not.toMatch(/broken_table|select|stack|\.ts\b|\/work\/|node_modules/i);
        expect(log).toHaveBeenCalled();
      } finally {
        await database.db.execute(`alter table broken_table rename to ${table}`);
        process.env.NODE_ENV = nodeEnv;
      }
    });

    it("answers 500 without details when programme.json fails", async () => {
      // A server of its own: the shared one keeps the programme it already built in its cache.
      const cold = await startApp({ database, log });
      await database.db.execute("alter table rooms rename to broken_table");
      try {
        const res = await fetch(`${cold.url}/api/editions/2026/programme.json`);
        expect(res.status).toBe(500);
        expect(await res.json()).toEqual({ error: "Erreur interne du serveur." });
      } finally {
        await database.db.execute("alter table broken_table rename to rooms");
        await cold.close();
      }
    });
  });
});

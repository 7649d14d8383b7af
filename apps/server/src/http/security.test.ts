import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, trpcPost } from "../testing";
import { isForeignOrigin } from "./origin";
import { CONTENT_SECURITY_POLICY, EMBEDDED_PDF_POLICY } from "./security-headers";

const request = (origin: string | undefined, host = "tribune.example", method = "POST") =>
  ({ method, headers: { host, ...(origin === undefined ? {} : { origin }) } }) as IncomingMessage;

describe("the Origin check", () => {
  it.each([
    // [what, Origin sent, public URL, foreign?]
    ["the public https origin", "https://tribune.example", "https://tribune.example", false],
    [
      "the public origin with its port",
      "https://tribune.example:8443",
      "https://tribune.example:8443/",
      false,
    ],
    ["plain http to an https site", "http://tribune.example", "https://tribune.example", true],
    [
      "another port of the public host",
      "https://tribune.example:8443",
      "https://tribune.example",
      true,
    ],
    ["another site", "https://evil.example", "https://tribune.example", true],
    ["a sandboxed frame (Origin: null)", "null", "https://tribune.example", true],
    ["garbage", "not a url", "https://tribune.example", true],
    ["no public URL: the Host over http", "http://tribune.example", undefined, false],
    ["no public URL: the Host over https", "https://tribune.example", undefined, true],
    ["no public URL: another port", "http://tribune.example:81", undefined, true],
  ])("%s", (_, origin, publicUrl, foreign) => {
    expect(isForeignOrigin(request(origin), publicUrl)).toBe(foreign);
  });

  it("lets through reads, and clients that send no Origin", () => {
    expect(isForeignOrigin(request("https://evil.example", "h", "GET"), undefined)).toBe(false);
    expect(isForeignOrigin(request(undefined), "https://tribune.example")).toBe(false);
  });
});

describe.each(testBackends())(
  "security headers and origins over HTTP on %s",
  (backend: Backend) => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    let app: Awaited<ReturnType<typeof startApp>>;
    let secureApp: Awaited<ReturnType<typeof startApp>>;
    const adminDir = mkdtempSync(join(tmpdir(), "tribune-admin-"));

    beforeAll(async () => {
      mkdirSync(join(adminDir, "assets"));
      writeFileSync(join(adminDir, "index.html"), "<!doctype html><title>Tribune</title>");
      writeFileSync(join(adminDir, "assets", "app.js"), "console.log(1);");
      database = await openTestDatabase(backend);
      app = await startApp({ database, adminDir, log: () => {} });
      secureApp = await startApp({ database, publicUrl: "https://tribune.example", log: () => {} });
    });
    afterAll(async () => {
      await app?.close();
      await secureApp?.close();
      await database?.close();
      rmSync(adminDir, { recursive: true, force: true });
    });

    it.each([
      ["the admin page", "/programme"],
      ["a static asset", "/assets/app.js"],
      ["an API call", "/trpc/edition.list"],
      ["a refused API call", "/trpc/session.list?input=%7B%7D"],
      ["the health check", "/healthz"],
      ["a missing page", "/api/nothing"],
    ])("every response carries the CSP and anti-framing headers: %s", async (_, path) => {
      const res = await fetch(`${app.url}${path}`);
      expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    });

    it("lets only our own pages frame the press-kit PDF (the admin's preview)", async () => {
      const res = await fetch(`${app.url}/api/editions/2026/press-kit.pdf?apercu`);
      expect(res.headers.get("content-security-policy")).toBe(EMBEDDED_PDF_POLICY);
      expect(EMBEDDED_PDF_POLICY).toContain("frame-ancestors 'self'");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    });

    it("behind https, tells browsers to stay on https", async () => {
      const res = await fetch(`${secureApp.url}/healthz`);
      expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000");
    });

    it("refuses with 403 a POST whose Origin has the public host but another scheme", async () => {
      const login = { email: "personne@tribune.test", password: "pas le bon mot de passe" };
      const downgraded = await trpcPost(secureApp.url, "auth.login", login, {
        Origin: "http://tribune.example",
      });
      expect(downgraded.status).toBe(403);
      expect(await downgraded.json()).toMatchObject({ code: "foreign_origin" });
      // The right origin reaches the procedure (which refuses the unknown account).
      const same = await trpcPost(secureApp.url, "auth.login", login, {
        Origin: "https://tribune.example",
      });
      expect(same.status).toBe(401);
    });

    it("without a public URL, takes the Host over http only", async () => {
      const login = { email: "personne@tribune.test", password: "pas le bon mot de passe" };
      const host = new URL(app.url).host;
      const https = await trpcPost(app.url, "auth.login", login, { Origin: `https://${host}` });
      expect(https.status).toBe(403);
      const http = await trpcPost(app.url, "auth.login", login, { Origin: `http://${host}` });
      expect(http.status).toBe(401);
    });
  },
);

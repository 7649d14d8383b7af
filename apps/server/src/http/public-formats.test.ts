import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { openDatabase } from "@tribune/db";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { ROUTES } from "@tribune/domain/routes";
import { referenceProgramme2026 } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "../bootstrap";
import { logIn, startApp, trpcPost } from "../testing";
import { matchesVersion, negotiateEncoding } from "./public-formats";

const EDITION_ID = referenceProgramme2026().edition.id;
const PASSWORD = "mot de passe de démonstration";
const PROGRAMME = ROUTES.programmeJson.url(2026);

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that leaves the bytes as sent (fetch would decompress them and hide the encoding). */
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

const themeOf = (raw: Raw) =>
  (JSON.parse(raw.body.toString()) as { edition: { theme: string } }).edition.theme;

describe("choosing what to send", () => {
  it.each([
    ["nothing said", undefined, "identity"],
    ["a browser", "gzip, deflate, br, zstd", "br"],
    ["gzip only", "gzip", "gzip"],
    ["brotli refused", "br;q=0, gzip", "gzip"],
    ["gzip preferred by weight", "br;q=0.5, gzip;q=0.9", "gzip"],
    ["anything", "*", "br"],
    ["an unknown coding", "compress", "identity"],
  ])("%s", (_, accept, expected) => {
    expect(negotiateEncoding(accept, ["identity", "gzip", "br"])).toBe(expected);
  });

  it("knows a version under any of its encodings, weak or strong", () => {
    expect(matchesVersion('"abc"', "abc")).toBe(true);
    expect(matchesVersion('"old", W/"abc-br"', "abc")).toBe(true);
    expect(matchesVersion("*", "abc")).toBe(true);
    expect(matchesVersion('"abcd"', "abc")).toBe(false);
    expect(matchesVersion(undefined, "abc")).toBe(false);
  });
});

/**
 * programme.json as caches and browsers see it: a version tag, 304 for a copy that is still
 * good, compressed when asked, and a new version as soon as the programme changes — on the
 * instance that made the change and, on PostgreSQL, on another one sharing the database.
 */
describe.each(testBackends())("public documents over HTTP on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let second: Awaited<ReturnType<typeof openDatabase>> | null = null;
  let app: Awaited<ReturnType<typeof startApp>>;
  let other: Awaited<ReturnType<typeof startApp>>;
  let adminCookie: string;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await bootstrap(database.db, { demoPassword: PASSWORD });
    app = await startApp({ database });
    if (database.url) {
      second = await openDatabase({ url: database.url });
      other = await startApp({ database: second });
    } else {
      other = app;
    }
    adminCookie = await logIn(app.url, "admin@tribune.demo", PASSWORD);
  });
  afterAll(async () => {
    if (other !== app) await other?.close();
    await app?.close();
    await second?.close();
    await database?.close();
  });

  it("tags the programme with a strong ETag and a short public Cache-Control", async () => {
    const res = await get(app.url + PROGRAMME);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers["cache-control"]).toMatch(
      /^public, max-age=\d+, stale-while-revalidate=\d+$/,
    );
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["content-security-policy"]).toBeDefined();
    expect(themeOf(res)).toBeTruthy();
  });

  it("answers 304 without a body to a copy that is still the current version", async () => {
    const first = await get(app.url + PROGRAMME);
    const again = await get(app.url + PROGRAMME, { "If-None-Match": String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    const stale = await get(app.url + PROGRAMME, { "If-None-Match": '"an-old-version"' });
    expect(stale.status).toBe(200);
  });

  it("compresses with brotli or gzip as the client asks, the same document either way", async () => {
    const plain = await get(app.url + PROGRAMME);
    const br = await get(app.url + PROGRAMME, { "Accept-Encoding": "gzip, br" });
    const gz = await get(app.url + PROGRAMME, { "Accept-Encoding": "gzip" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    // A compressed copy is the same version: it revalidates to 304 too.
    const revalidated = await get(app.url + PROGRAMME, {
      "Accept-Encoding": "gzip",
      "If-None-Match": String(br.headers.etag),
    });
    expect(revalidated.status).toBe(304);
  });

  it("compresses tRPC answers too when asked, and never a live stream", async () => {
    const input = encodeURIComponent(JSON.stringify({ year: 2026 }));
    const res = await get(`${app.url}/trpc/schedule.programme?input=${input}`, {
      "Accept-Encoding": "br",
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    const body = JSON.parse(brotliDecompressSync(res.body).toString()) as {
      result: { data: { entries: unknown[] } };
    };
    expect(body.result.data.entries).toHaveLength(34);
  });

  const trpcGet = (path: string, input: unknown, headers: Record<string, string> = {}) =>
    get(`${app.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, headers);
  const trpcBatchGet = (paths: string[], input: unknown, headers: Record<string, string> = {}) =>
    get(
      `${app.url}/trpc/${paths.join(",")}?batch=1&input=${encodeURIComponent(
        JSON.stringify(Object.fromEntries(paths.map((_, i) => [i, input]))),
      )}`,
      headers,
    );

  it.each(["schedule.programme", "edition.byYear"])(
    "answers an anonymous %s from its serialised copy: tRPC's own bytes, tagged, 304 when unchanged",
    async (path) => {
      const cached = await trpcGet(path, { year: 2026 });
      // A batch of two goes through tRPC itself: the same answer, twice in a list.
      const through = await trpcBatchGet([path, path], { year: 2026 });
      expect(through.headers.etag).toBeUndefined();
      expect(cached.status).toBe(200);
      expect(cached.headers["content-type"]).toBe("application/json");
      expect(cached.headers.vary).toMatch(/trpc-accept, accept/);
      expect(cached.headers["content-security-policy"]).toBeDefined();
      expect(`[${cached.body},${cached.body}]`).toBe(through.body.toString());
      // A batch of one, as the admin's public page sends it: the same, in a list, tagged.
      const batchOfOne = await trpcBatchGet([path], { year: 2026 });
      expect(batchOfOne.body.toString()).toBe(`[${cached.body}]`);
      expect(batchOfOne.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(cached.headers.etag).toMatch(/^"[\w-]+"$/);
      const again = await trpcGet(
        path,
        { year: 2026 },
        { "If-None-Match": String(cached.headers.etag) },
      );
      expect(again.status).toBe(304);
      expect(again.body.byteLength).toBe(0);
      const br = await trpcGet(path, { year: 2026 }, { "Accept-Encoding": "br" });
      if (br.headers["content-encoding"] === "br")
        expect(brotliDecompressSync(br.body).equals(cached.body)).toBe(true);
      else expect(br.body.equals(cached.body)).toBe(true);
    },
  );

  it("leaves to tRPC a signed-in reader, a refused input and an unknown edition", async () => {
    const budgetOf = (raw: Raw) =>
      (JSON.parse(raw.body.toString()) as { result: { data: { budgetEuros?: number } } }).result
        .data.budgetEuros;
    // The admin reads the budget, an anonymous reader never does.
    const signedIn = await trpcGet("edition.byYear", { year: 2026 }, { Cookie: adminCookie });
    expect(signedIn.status).toBe(200);
    expect(budgetOf(signedIn)).toEqual(expect.any(Number));
    expect(signedIn.headers.etag).toBeUndefined();
    expect(budgetOf(await trpcGet("edition.byYear", { year: 2026 }))).toBeUndefined();
    const refused = await trpcGet("schedule.programme", { year: 1999 });
    expect(refused.status).toBe(400);
    const unknown = await trpcGet("schedule.programme", { year: 2099 });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString())).toMatchObject({
      error: { data: { code: "NOT_FOUND" } },
    });
    const notJson = await get(`${app.url}/trpc/edition.byYear?input=%7Byear`);
    expect(notJson.status).toBe(400);
  });

  it("serves the new programme as soon as it changes, here and on the other instance", async () => {
    const before = await get(other.url + PROGRAMME);
    const changed = await trpcPost(
      app.url,
      "edition.update",
      { id: EDITION_ID, theme: "Soigner ensemble, demain" },
      { Cookie: adminCookie },
    );
    expect(changed.status).toBe(200);
    // The instance that made the change serves it at once.
    const here = await get(app.url + PROGRAMME, { "If-None-Match": String(before.headers.etag) });
    expect(here.status).toBe(200);
    expect(themeOf(here)).toBe("Soigner ensemble, demain");
    expect(here.headers.etag).not.toBe(before.headers.etag);
    // The other hears it through the database (LISTEN/NOTIFY) and serves the same version.
    await expect
      .poll(async () => (await get(other.url + PROGRAMME)).headers.etag)
      .toBe(here.headers.etag);
  });

  it("answers schedule.programme over tRPC from the same cache, kept fresh by the same events", async () => {
    const query = (url: string) =>
      fetch(
        `${url}/trpc/schedule.programme?input=${encodeURIComponent(JSON.stringify({ year: 2026 }))}`,
      ).then(async (res) => {
        const body = (await res.json()) as { result: { data: { edition: { theme: string } } } };
        return body.result.data.edition.theme;
      });
    const changed = await trpcPost(
      app.url,
      "edition.update",
      { id: EDITION_ID, theme: "Soigner demain, ensemble" },
      { Cookie: adminCookie },
    );
    expect(changed.status).toBe(200);
    expect(await query(app.url)).toBe("Soigner demain, ensemble");
    await expect.poll(() => query(other.url)).toBe("Soigner demain, ensemble");
  });
});

import { openDatabase } from "@tribune/db";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import type { LiveCounts } from "@tribune/domain/union";
import { referenceProgramme2026, referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "../bootstrap";
import { logIn, startApp, trpcPost } from "../testing";

const EDITION_ID = referenceProgramme2026().edition.id;
const DIJON = referenceSubdivision("dijon").id;
const PASSWORD = "mot de passe de démonstration";

/**
 * Reads a tRPC subscription's server-sent events: each data message in turn (pings and the
 * connection message are skipped).
 */
async function* sseMessages<T>(res: Response): AsyncGenerator<T> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf("\n\n");
      const lines = block.split("\n");
      if (lines.some((l) => l.startsWith("event:"))) continue;
      const data = lines
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).trimStart())
        .join("\n");
      if (data) yield JSON.parse(data) as T;
    }
  }
}

const subscribe = (url: string, cookie: string, signal: AbortSignal) =>
  fetch(
    `${url}/trpc/registration.live?input=${encodeURIComponent(JSON.stringify({ editionId: EDITION_ID }))}`,
    { headers: { Cookie: cookie, Accept: "text/event-stream" }, signal },
  );

const dijonCheckedIn = (counts: LiveCounts) =>
  counts.bySubdivision.find((s) => s.subdivisionId === DIJON)?.checkedIn ?? 0;

/**
 * The live counters over HTTP: a check-in made through one server reaches a subscriber of
 * another. On PostgreSQL, two instances on one database (LISTEN/NOTIFY); on PGlite, which
 * serves one process, one instance.
 */
describe.each(testBackends())("live counts over SSE on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let second: Awaited<ReturnType<typeof openDatabase>> | null = null;
  let writer: Awaited<ReturnType<typeof startApp>>;
  let watcher: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await bootstrap(database.db, { demoPassword: PASSWORD });
    writer = await startApp({ database });
    if (database.url) {
      second = await openDatabase({ url: database.url });
      watcher = await startApp({ database: second });
    } else {
      watcher = writer;
    }
  });
  afterAll(async () => {
    await writer.close();
    if (second) {
      await watcher.close();
      await second.close();
    }
    await database.close();
  });

  it("a check-in on one instance reaches a subscriber of the other", async () => {
    // Registered at the desk: the public answer gives no code (it goes by e-mail).
    const deskCookie = await logIn(writer.url, "organiser@tribune.demo", PASSWORD);
    const registered = await trpcPost(
      writer.url,
      "registration.create",
      {
        editionId: EDITION_ID,
        firstName: "Jeanne",
        lastName: "Bourguignonne",
        email: "jeanne@exemple.fr",
        subdivisionId: DIJON,
      },
      { Cookie: deskCookie },
    );
    expect(registered.status).toBe(200);
    const { code } = ((await registered.json()) as { result: { data: { code: string } } }).result
      .data;

    const controller = new AbortController();
    const watcherCookie = await logIn(watcher.url, "bureau@tribune.demo", PASSWORD);
    const res = await subscribe(watcher.url, watcherCookie, controller.signal);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const messages = sseMessages<LiveCounts>(res);
    const snapshot = (await messages.next()).value as LiveCounts;
    expect(snapshot.totals.confirmed).toBeGreaterThan(0);

    const checkIn = await trpcPost(
      writer.url,
      "checkIn.byCode",
      { editionId: EDITION_ID, code },
      { Cookie: deskCookie },
    );
    expect(checkIn.status).toBe(200);

    const update = (await messages.next()).value as LiveCounts;
    expect(dijonCheckedIn(update)).toBe(dijonCheckedIn(snapshot) + 1);
    expect(update.totals.checkedIn).toBe(snapshot.totals.checkedIn + 1);
    controller.abort();
  });

  it("refuses the live counts to a member", async () => {
    const cookie = await logIn(watcher.url, "member@tribune.demo", PASSWORD);
    const controller = new AbortController();
    const res = await subscribe(watcher.url, cookie, controller.signal);
    // tRPC opens the stream, then reports the refusal in it.
    const text = await res.text();
    expect(text).toMatch(/FORBIDDEN/);
    controller.abort();
  });
});

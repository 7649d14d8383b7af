import { accountServices, systemContext } from "@tribune/api";
import { openDatabase } from "@tribune/db";
import { listUsers } from "@tribune/db/repos/users";
import { type Backend, lastSeenOf, openTestDatabase, testBackends } from "@tribune/db/testing";
import { referenceProgramme2026 } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap, type DemoAccount } from "../bootstrap";
import { logIn, startApp, trpcGet, trpcPost } from "../testing";

const PASSWORD = "mot de passe de démonstration";

const me = async (url: string, cookie: string) => {
  const res = await trpcGet(url, "auth.me", undefined, { Cookie: cookie });
  return ((await res.json()) as { result: { data: { email: string } | null } }).result.data;
};

/**
 * The server keeps a signed-in person's identity a few seconds between requests; it must
 * forget it the moment the session ends — a logout, or the account disabled from the command
 * line (on PostgreSQL, heard by every instance) — and note the session's use at most once a
 * minute.
 */
describe.each(testBackends())("login sessions over HTTP on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let second: Awaited<ReturnType<typeof openDatabase>> | null = null;
  let app: Awaited<ReturnType<typeof startApp>>;
  let accounts: DemoAccount[];

  const account = (role: DemoAccount["role"]) => {
    const found = accounts.find((a) => a.role === role);
    if (!found) throw new Error(`no demo ${role}`);
    return found;
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ({ demoAccounts: accounts } = await bootstrap(database.db, { demoPassword: PASSWORD }));
    app = await startApp({ database });
    if (database.url) second = await openDatabase({ url: database.url });
  });
  afterAll(async () => {
    await app?.close();
    await second?.close();
    await database?.close();
  });

  it("forgets the session at once on logout: the old cookie opens nothing", async () => {
    const { email } = account("bureau");
    const cookie = await logIn(app.url, email, PASSWORD);
    expect(await me(app.url, cookie)).toMatchObject({ email });
    const out = await trpcPost(app.url, "auth.logout", {}, { Cookie: cookie });
    expect(out.status).toBe(200);
    expect(await me(app.url, cookie)).toBeNull();
  });

  it("forgets every session of an account disabled from the command line", async () => {
    const { email } = account("press");
    const cookie = await logIn(app.url, email, PASSWORD);
    expect(await me(app.url, cookie)).toMatchObject({ email });
    // The command line's own connection on PostgreSQL: the server hears it through NOTIFY.
    const cli = second ?? database;
    await accountServices.disableAccount(systemContext(cli.db, cli.events), { email });
    await expect.poll(() => me(app.url, cookie)).toBeNull();
    const refused = await trpcGet(
      app.url,
      "session.list",
      { editionId: referenceProgramme2026().edition.id },
      { Cookie: cookie },
    );
    expect(refused.status).toBe(401);
  });

  it("notes a session's use at most once a minute, however many requests it sends", async () => {
    const { email } = account("organiser");
    const cookie = await logIn(app.url, email, PASSWORD);
    const userId = await idOf(email);
    const seenAtLogin = await lastSeenOf(database.db, userId);
    for (let i = 0; i < 5; i++) expect(await me(app.url, cookie)).toMatchObject({ email });
    expect(await lastSeenOf(database.db, userId)).toBe(seenAtLogin);
  });

  async function idOf(email: string): Promise<string> {
    const found = (await listUsers(database.db)).find((u) => u.email === email);
    if (!found) throw new Error(`no user ${email}`);
    return found.id;
  }
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bodyOfStoredMessage, createCaller } from "@tribune/api";
import { type OpenDatabase, openDatabase } from "@tribune/db";
import { findMessageByKey, listMessages } from "@tribune/db/repos/outbox";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../testing";

const ADMIN = "admin-cli@tribune.test";
const INVITED = "invitee-cli@tribune.test";
const PASSWORD = "un mot de passe solide";
const NEW_PASSWORD = "cheval agrafe pile correcte";
const PUBLIC_URL = "https://tribune.example";
/** Three or four CLI runs a test, each a process opening the database: slow on a busy machine. */
const CLI_TEST_TIMEOUT_MS = 300_000;

/** `tribune accounts invite` and `tribune accounts reset-link`, as a user runs them. */
describe.each(testBackends())("account links CLI on %s", (backend: Backend) => {
  let env: Record<string, string>;
  let dataDir: string | null = null;
  let postgres: (OpenDatabase & { url: string | null }) | null = null;

  beforeAll(async () => {
    if (backend === "pglite") {
      dataDir = mkdtempSync(join(tmpdir(), "tribune-cli-links-"));
      env = { TRIBUNE_DATA_DIR: dataDir, TRIBUNE_PUBLIC_URL: PUBLIC_URL };
    } else {
      postgres = await openTestDatabase("postgres");
      env = { DATABASE_URL: postgres.url ?? "", TRIBUNE_PUBLIC_URL: PUBLIC_URL };
    }
  });
  afterAll(async () => {
    await postgres?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Our own handle on the CLI's database; a PGlite data dir is opened only between CLI runs. */
  async function withDatabase<T>(work: (database: OpenDatabase) => Promise<T>): Promise<T> {
    if (postgres) return work(postgres);
    const database = await openDatabase({ dataDir: dataDir ?? "" });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  const caller = (db: OpenDatabase["db"]) =>
    createCaller({
      db,
      actor: null,
      clientIp: "cli-test",
      cookies: { token: null, issue() {}, clear() {} },
    }).auth;

  it(
    "invites an account: the message with its link is queued, and the link sets the first password",
    async () => {
      const invited = await runCli(
        ["accounts", "invite", "--email", INVITED, "--role", "organiser", "--name", "Camille"],
        env,
      );
      expect(invited).toMatchObject({ code: 0, stderr: "" });
      expect(invited.stdout).toContain(
        `Invitation en file d'envoi pour ${INVITED} (Organisation du congrès) : le lien est valable 7 jours.`,
      );
      const token = await withDatabase(async ({ db }) => {
        const { items } = await listMessages(db, { limit: 50, offset: 0 });
        const entry = items.find((m) => m.recipient === INVITED);
        expect(entry?.kind).toBe("account_invitation");
        const stored = await findMessageByKey(db, entry?.key ?? "");
        const body = stored ? (await bodyOfStoredMessage(stored)).text : "";
        return /https:\/\/tribune\.example\/connexion\/invitation\?jeton=([A-Za-z0-9_-]{43})/.exec(
          body,
        )?.[1];
      });
      expect(token).toBeDefined();
      await withDatabase(({ db }) =>
        expect(
          caller(db).acceptInvitation({ token: token ?? "", password: NEW_PASSWORD }),
        ).resolves.toMatchObject({ email: INVITED, role: "organiser" }),
      );
      const again = await runCli(
        ["accounts", "invite", "--email", INVITED, "--role", "organiser", "--resend"],
        env,
      );
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("a déjà choisi son mot de passe");
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    "prints a one-time reset link for a locked-out admin; it works once",
    async () => {
      const added = await runCli(
        ["user", "add", "--email", ADMIN, "--role", "admin", "--password-stdin"],
        env,
        `${PASSWORD}\n`,
      );
      expect(added).toMatchObject({ code: 0, stderr: "" });
      const printed = await runCli(["accounts", "reset-link", "--email", ADMIN], env);
      expect(printed).toMatchObject({ code: 0, stderr: "" });
      expect(printed.stdout).toContain(`Lien pour ${ADMIN}, à usage unique, valable jusqu'au`);
      const url = /https:\/\/tribune\.example\/connexion\/nouveau-mot-de-passe\?jeton=\S+/.exec(
        printed.stdout,
      )?.[0];
      const token = new URL(url ?? PUBLIC_URL).searchParams.get("jeton") ?? "";
      await withDatabase(async ({ db }) => {
        await expect(
          caller(db).resetPassword({ token, password: NEW_PASSWORD }),
        ).resolves.toMatchObject({ email: ADMIN });
        await expect(caller(db).resetPassword({ token, password: NEW_PASSWORD })).rejects.toThrow(
          "Ce lien n'est pas ou plus valable",
        );
      });
      const unknown = await runCli(
        ["accounts", "reset-link", "--email", "personne@tribune.test"],
        env,
      );
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("Aucun compte pour personne@tribune.test.");
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

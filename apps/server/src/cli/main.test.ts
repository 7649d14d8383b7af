import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCaller } from "@tribune/api";
import { freshDatabase } from "@tribune/cli-kit/testing";
import { type OpenDatabase, openDatabase } from "@tribune/db";
import { listEditions } from "@tribune/db/repos/editions";
import { listSubdivisionOptions } from "@tribune/db/repos/subdivisions";
import { findUserByEmail, listUsers } from "@tribune/db/repos/users";
import { seedReferenceEdition } from "@tribune/db/seed";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../testing";

const EMAIL = "presse@tribune.test";
const PASSWORD = "un mot de passe solide";

/** The accounts CLI as a user runs it, on a PGlite data dir or on PostgreSQL. */
describe.each(testBackends())("accounts CLI on %s", (backend: Backend) => {
  let env: Record<string, string>;
  let dataDir: string | null = null;
  let postgres: (OpenDatabase & { url: string | null }) | null = null;

  beforeAll(async () => {
    if (backend === "pglite") {
      dataDir = mkdtempSync(join(tmpdir(), "tribune-cli-"));
      env = { TRIBUNE_DATA_DIR: dataDir };
    } else {
      postgres = await openTestDatabase("postgres");
      env = { DATABASE_URL: postgres.url ?? "" };
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

  const logIn = () =>
    withDatabase(({ db }) =>
      createCaller({
        db,
        actor: null,
        clientIp: "test",
        cookies: { token: null, issue() {}, clear() {} },
      }).auth.login({
        email: EMAIL,
        password: PASSWORD,
      }),
    );

  it("purges nothing while no congress is past its promised retention, and says so", async () => {
    const purge = await runCli(["privacy", "purge", "--dry-run"], env);
    expect(purge.code).toBe(0);
    expect(purge.stdout).toContain("Rien à effacer");
  });

  it("adds an account with the password read from stdin", async () => {
    const added = await runCli(
      ["user", "add", "--email", EMAIL, "--role", "press", "--password-stdin"],
      env,
      `${PASSWORD}\n`,
    );
    expect(added).toMatchObject({ code: 0, stderr: "" });
    expect(added.stdout).toContain(`Compte créé : ${EMAIL} (Presse).`);
    await expect(logIn()).resolves.toMatchObject({ email: EMAIL, role: "press" });
  });

  it("adds a representative of a subdivision named without its accents, and refuses an unknown one", async () => {
    await withDatabase(({ db }) => seedReferenceEdition(db));
    const email = "rep-saint-etienne@tribune.test";
    const add = (subdivision: string) =>
      runCli(
        ["user", "add", "--email", email, "--role", "representative"].concat([
          "--subdivision",
          subdivision,
          "--password-stdin",
        ]),
        env,
        `${PASSWORD}\n`,
      );
    const unknown = await add("Atlantide");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Subdivision inconnue : « Atlantide »");
    const added = await add("saint-etienne");
    expect(added).toMatchObject({ code: 0, stderr: "" });
    const user = await withDatabase(({ db }) => findUserByEmail(db, email));
    const subdivision = await withDatabase(async ({ db }) =>
      (await listSubdivisionOptions(db)).find((o) => o.id === user?.subdivisionId),
    );
    expect(subdivision?.name).toBe("Saint-Étienne");
  });

  it("refuses a too-short password with exit code 1 and a French message", async () => {
    const refused = await runCli(
      ["user", "add", "--email", "court@tribune.test", "--role", "member", "--password-stdin"],
      env,
      "court\n",
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Le mot de passe doit compter au moins 12 caractères.");
  });

  it("refuses a password long enough but easy to guess, in French, creating nothing", async () => {
    const email = "devinable@tribune.test";
    const refused = await runCli(
      ["user", "add", "--email", email, "--role", "member", "--password-stdin"],
      env,
      "azertyuiop123\n",
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Erreur : Mot de passe trop facile à deviner : .+\./);
    expect((await runCli(["user", "list"], env)).stdout).not.toContain(email);
  });

  it("disables an account, which is then listed as inactive and can no longer log in", async () => {
    const disabled = await runCli(["user", "disable", "--email", EMAIL], env);
    expect(disabled).toMatchObject({ code: 0, stderr: "" });
    expect(disabled.stdout).toContain(`Compte désactivé : ${EMAIL}.`);

    const listed = await runCli(["user", "list"], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/presse@tribune\.test.*non/);
    expect(listed.stdout).not.toContain("court@tribune.test");
    await expect(logIn()).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    // Enabled again: the same password opens it.
    const enabled = await runCli(["user", "enable", "--email", EMAIL], env);
    expect(enabled).toMatchObject({ code: 0, stderr: "" });
    expect(enabled.stdout).toContain(`Compte réactivé : ${EMAIL}.`);
    await expect(logIn()).resolves.toBeDefined();
  });

  it("changes an account's role, refusing a representative without subdivision", async () => {
    const refused = await runCli(
      ["user", "role", "--email", EMAIL, "--role", "representative"],
      env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("doit être rattaché·e à une subdivision");
    const changed = await runCli(
      ["user", "role", "--email", EMAIL, "--role", "representative", "--subdivision", "Dijon"],
      env,
    );
    expect(changed).toMatchObject({ code: 0, stderr: "" });
    expect(changed.stdout).toContain("est désormais Représentant·e de subdivision");
    const account = await withDatabase(({ db }) => findUserByEmail(db, EMAIL));
    expect(account?.role).toBe("representative");
  });

  it("backs the base up, refuses to restore over a base that is not empty, and restores into an empty one", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tribune-backup-"));
    const fresh = await freshDatabase(
      backend === "postgres" ? process.env.TEST_DATABASE_URL : undefined,
    );
    try {
      await withDatabase(({ db }) => seedReferenceEdition(db));
      const file = join(folder, "tribune.jsonl.gz");
      const backup = await runCli(["backup", "--out", file], env);
      expect(backup).toMatchObject({ code: 0, stderr: "" });
      expect(backup.stdout).toContain(`Sauvegarde écrite : ${file}`);
      // Complete or absent, and readable by its owner only: it holds personal data.
      expect(readdirSync(folder)).toEqual(["tribune.jsonl.gz"]);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const again = await runCli(["backup", "--out", file], env);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("existe déjà");

      const refused = await runCli(["restore", file], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("la base de destination n'est pas vide");

      const restored = await runCli(["restore", file], fresh.env);
      expect(restored).toMatchObject({ code: 0, stderr: "" });
      expect(restored.stdout).toContain("Sauvegarde restaurée");
      const contents = ({ db }: OpenDatabase) =>
        Promise.all([listEditions(db), listUsers(db), listSubdivisionOptions(db)]);
      const restoredDatabase = await openDatabase(
        fresh.env.DATABASE_URL
          ? { url: fresh.env.DATABASE_URL }
          : { dataDir: fresh.env.TRIBUNE_DATA_DIR ?? "" },
      );
      try {
        expect(await contents(restoredDatabase)).toEqual(await withDatabase(contents));
      } finally {
        await restoredDatabase.close();
      }
    } finally {
      await fresh.drop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

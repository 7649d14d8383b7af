import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEdition, frabScheduleJson, systemContext } from "@tribune/api";
import { type OpenDatabase, openDatabase } from "@tribune/db";
import { findEditionByYear } from "@tribune/db/repos/editions";
import { listSessions } from "@tribune/db/repos/sessions";
import { seedReferenceEdition } from "@tribune/db/seed";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../testing";

/** Each command starts a process (a few seconds each on a busy machine). */
const CLI_TIMEOUT_MS = 420_000;
const INTEROP = new URL("../../../../../shared/interop/", import.meta.url);

/** `pnpm tribune programme import` as an organiser runs it, on PGlite or on PostgreSQL. */
describe.each(testBackends())("programme import command on %s", (backend: Backend) => {
  let env: Record<string, string>;
  let dir: string;
  let postgres: (OpenDatabase & { url: string | null }) | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tribune-cli-programme-"));
    if (backend === "pglite") env = { TRIBUNE_DATA_DIR: join(dir, "data") };
    else {
      postgres = await openTestDatabase("postgres");
      env = { DATABASE_URL: postgres.url ?? "" };
    }
  });
  afterAll(async () => {
    await postgres?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function withDatabase<T>(work: (database: OpenDatabase) => Promise<T>): Promise<T> {
    if (postgres) return work(postgres);
    const database = await openDatabase({ dataDir: env.TRIBUNE_DATA_DIR ?? "" });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  it(
    "imports 2026's schedule.json into 2027 as drafts, dry run first, then again without duplicates",
    async () => {
      // The 2026 reference programme, seeded straight (the demo's surveys are not needed).
      await withDatabase(({ db }) => seedReferenceEdition(db));
      await withDatabase(({ db }) =>
        createEdition(
          { db, actor: null },
          {
            number: 27,
            year: 2027,
            theme: "Soigner demain",
            subtitle: "",
            city: "Dijon",
            venue: "Palais des congrès de Dijon",
            firstDay: "2027-01-21",
            lastDay: "2027-01-22",
            timeZone: "Europe/Paris",
            expectedAttendance: 0,
            capacity: null,
            registrationOpensOn: null,
            registrationClosesOn: null,
            budgetEuros: 0,
          },
        ),
      );
      // The 2026 programme, moved a year on (same weekdays: Thursday and Friday).
      const json = await withDatabase(({ db }) =>
        frabScheduleJson(systemContext(db), { year: 2026, baseUrl: "https://x.test" }),
      );
      const file = join(dir, "schedule.json");
      writeFileSync(
        file,
        json.replaceAll("2026-01-22T", "2027-01-21T").replaceAll("2026-01-23T", "2027-01-22T"),
      );

      const dry = await runCli(
        ["programme", "import", "--edition", "2027", file, "--dry-run"],
        env,
      );
      expect(dry).toMatchObject({ code: 0, stderr: "" });
      expect(dry.stdout).toContain("(essai : rien n'est écrit)");
      expect(dry.stdout).toMatch(/Sessions : 34 créées/);
      const count = () =>
        withDatabase(async ({ db }) => {
          const edition = await findEditionByYear(db, 2027);
          return (await listSessions(db, edition?.id ?? "")).length;
        });
      expect(await count()).toBe(0);

      const done = await runCli(["programme", "import", "--edition", "2027", file], env);
      expect(done).toMatchObject({ code: 0, stderr: "" });
      expect(done.stdout).toContain(
        "Programme importé : les nouvelles sessions sont en brouillon.",
      );
      expect(await count()).toBe(34);

      const again = await runCli(["programme", "import", "--edition", "2027", file], env);
      expect(again.stdout).toMatch(/0 créée, 0 mise à jour, 34 inchangées/);
      expect(await count()).toBe(34);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "refuses a file of another congress with a line per refused session, and writes nothing",
    async () => {
      const camp = new URL("frab-camp2019.json", INTEROP).pathname;
      const refused = await runCli(["programme", "import", "--edition", "2027", camp], env);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain("Hors des jours de l'édition");
      expect(refused.stdout).toContain(
        "Aucune session de ce fichier n'a lieu pendant l'édition (du jeudi 21 au vendredi 22 janvier 2027) : elles ont lieu du",
      );
      expect(refused.stdout).toContain("« Opening Ceremony » refusée");
      expect(refused.stdout).toContain("Fichier refusé : rien n'a été écrit.");
    },
    CLI_TIMEOUT_MS,
  );
});

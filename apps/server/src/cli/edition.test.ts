import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCaller, updateEditionFields } from "@tribune/api";
import { type OpenDatabase, openDatabase } from "@tribune/db";
import { findEditionByYear } from "@tribune/db/repos/editions";
import { listManualFigures, saveManualFigure } from "@tribune/db/repos/press-kit-frames";
import { listSessions } from "@tribune/db/repos/sessions";
import { insertSessionCapacity, listSessionCapacities } from "@tribune/db/repos/signups";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../testing";

const QUOTED = {
  id: "drees-burnout",
  label: "des internes déclarent des symptômes d'épuisement",
  value: 66.2,
  unit: "percent" as const,
  decimals: 1,
  sourceOrganisation: "DREES",
  sourceTitle: "Santé des internes en médecine",
  sample: "2 145 internes interrogé·es en ligne",
  publishedOn: "2025-03-12",
  url: "https://drees.example/sante-internes",
};

/** Each command starts a process; loading the demo writes ~1,500 survey responses. */
const CLI_TIMEOUT_MS = 240_000;

/** `pnpm tribune edition …` and `demo load` as a user runs them, on PGlite or on PostgreSQL. */
describe.each(testBackends())("edition and demo commands on %s", (backend: Backend) => {
  let env: Record<string, string>;
  let dataDir: string | null = null;
  let postgres: (OpenDatabase & { url: string | null }) | null = null;

  beforeAll(async () => {
    if (backend === "pglite") {
      dataDir = mkdtempSync(join(tmpdir(), "tribune-cli-edition-"));
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

  it(
    "lists no edition on an empty database, then loads the demo",
    async () => {
      const empty = await runCli(["edition", "list"], env);
      expect(empty).toMatchObject({ code: 0, stderr: "" });
      expect(empty.stdout).toContain("Aucune édition.");

      const loaded = await runCli(["demo", "load"], env);
      expect(loaded).toMatchObject({ code: 0, stderr: "" });
      expect(loaded.stdout).toContain("Démonstration chargée : 26e congrès");
      expect(loaded.stdout).toMatch(/admin@tribune\.demo\s+\S+/);

      const listed = await runCli(["edition", "list"], env);
      expect(listed.stdout).toMatch(
        /^2026 {2}26e .*Dijon, Palais des congrès de Dijon.*Terminée$/m,
      );
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "creates the 2027 edition from 2026 with its programme as drafts on the new days",
    async () => {
      // 2026's places for one workshop and a figure its press kit quotes.
      const workshop = await withDatabase(async ({ db }) => {
        const edition2026 = await findEditionByYear(db, 2026);
        const sessions = await listSessions(db, edition2026?.id ?? "");
        const rempla = sessions.find((s) => s.title === "1,2,3 rempla");
        await insertSessionCapacity(db, edition2026?.id ?? "", rempla?.id ?? "", 42);
        await saveManualFigure(db, edition2026?.id ?? "", QUOTED, "bureau@exemple.fr");
        return rempla?.title;
      });
      const created = await runCli(
        [
          "edition",
          "create",
          "--year",
          "2027",
          "--number",
          "27",
          "--from",
          "2026",
          "--city",
          "Lyon",
          "--venue",
          "Centre de congrès de Lyon",
          "--first-day",
          "2027-01-21",
          "--last-day",
          "2027-01-22",
          "--theme",
          "Soigner demain",
          "--copy-programme",
        ],
        env,
      );
      expect(created).toMatchObject({ code: 0, stderr: "" });
      expect(created.stdout).toContain(
        "Édition 2027 créée à partir de 2026 : 27e congrès, Lyon (Centre de congrès de Lyon), du jeudi 21 au vendredi 22 janvier 2027 — En préparation.",
      );
      expect(created.stdout).toContain("Copié : 4 salles (avec leurs capacités), 11 sections");
      expect(created.stdout).toContain(
        "Programme : 34 sessions en brouillon sur les nouveaux jours (à publier), dont 1 atelier avec le nombre de places fixé.",
      );
      expect(created.stdout).toMatch(/^Capacité de l'édition reprise : \d[\d\s\u202f]* places\.$/m);
      expect(created.stdout).toContain(
        "Chiffres cités du dossier de presse : 1 copié tel quel, avec sa source (à vérifier pour la nouvelle année).",
      );
      expect(created.stdout).toContain(
        "Les inscriptions, arrivées, réponses et votes ne sont jamais copiés.",
      );
      await withDatabase(async ({ db }) => {
        const edition = await findEditionByYear(db, 2027);
        expect(edition).toMatchObject({ theme: "Soigner demain", city: "Lyon" });
        const sessions = await listSessions(db, edition?.id ?? "");
        expect(sessions).toHaveLength(34);
        expect(sessions.some((s) => s.published)).toBe(false);
        const copy = sessions.find((s) => s.title === workshop);
        expect((await listSessionCapacities(db, edition?.id ?? "")).get(copy?.id ?? "")).toBe(42);
        expect(await listManualFigures(db, edition?.id ?? "")).toEqual([
          expect.objectContaining(QUOTED),
        ]);
      });
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "refuses in French, with exit code 1, what cannot be created or archived",
    async () => {
      const again = await runCli(
        ["edition", "create", "--year", "2027", "--number", "28", "--from", "2026"].concat([
          "--first-day",
          "2027-01-21",
          "--last-day",
          "2027-01-22",
        ]),
        env,
      );
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("Erreur : Une édition 2027 existe déjà.");

      const noTheme = await runCli(
        ["edition", "create", "--year", "2031", "--number", "31", "--city", "Lyon"].concat([
          "--first-day",
          "2031-01-22",
          "--last-day",
          "2031-01-23",
        ]),
        env,
      );
      expect(noTheme.code).toBe(1);
      expect(noTheme.stderr).toContain(
        "Erreur : --theme, --venue : obligatoire sans --from (l'édition dont reprendre ce qui manque).",
      );
      const badDays = await runCli(
        ["edition", "create", "--year", "2031", "--number", "31", "--from", "2026"].concat([
          "--first-day",
          "2031-01-23",
          "--last-day",
          "2031-01-22",
        ]),
        env,
      );
      expect(badDays.code).toBe(1);
      expect(badDays.stderr).toContain("Erreur : --last-day : Le dernier jour précède le premier.");

      const tooEarly = await runCli(["edition", "archive", "--year", "2027"], env);
      expect(tooEarly.code).toBe(1);
      expect(tooEarly.stderr).toContain("Erreur : L'édition 2027 n'est pas terminée");

      const unknown = await runCli(["edition", "archive", "--year", "2019"], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("Erreur : Aucune édition 2019.");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "archives 2026, which then lists as archived and refuses changes",
    async () => {
      const archived = await runCli(["edition", "archive", "--year", "2026"], env);
      expect(archived).toMatchObject({ code: 0, stderr: "" });
      expect(archived.stdout).toContain(
        "Édition 2026 archivée : elle se consulte mais ne se modifie plus.",
      );
      expect((await runCli(["edition", "list"], env)).stdout).toMatch(/^2026 .*Archivée$/m);
      const twice = await runCli(["edition", "archive", "--year", "2026"], env);
      expect(twice.code).toBe(1);
      expect(twice.stderr).toContain("Erreur : L'édition 2026 est déjà archivée.");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "refuses to load the demo into a database holding real registrations",
    async () => {
      await withDatabase(async ({ db }) => {
        const edition = await findEditionByYear(db, 2027);
        // A real person registers to 2027 once its registration opens (the organisers' word).
        await updateEditionFields(
          { db, actor: null },
          { id: edition?.id ?? "", registrationOpensOn: "2026-01-01" },
        );
        const caller = createCaller({
          db,
          actor: null,
          clientIp: "test",
          cookies: { token: null, issue() {}, clear() {} },
        });
        await caller.registration.register({
          editionId: edition?.id ?? "",
          firstName: "Camille",
          lastName: "Réelle",
          email: "camille.reelle@exemple.fr",
          subdivisionId: referenceSubdivision("lille").id,
        });
      });
      const refused = await runCli(["demo", "load"], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        "Erreur : Cette base contient des données réelles (1 inscription, 0 réponse d'enquête) : la démonstration n'y est pas chargée.",
      );
      // A second one: the plural.
      await withDatabase(async ({ db }) => {
        const edition = await findEditionByYear(db, 2027);
        await createCaller({
          db,
          actor: null,
          clientIp: "test",
          cookies: { token: null, issue() {}, clear() {} },
        }).registration.register({
          editionId: edition?.id ?? "",
          firstName: "Alex",
          lastName: "Réel",
          email: "alex.reel@exemple.fr",
          subdivisionId: referenceSubdivision("lille").id,
        });
      });
      const again = await runCli(["demo", "load"], env);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(
        "Erreur : Cette base contient des données réelles (2 inscriptions, 0 réponse d'enquête) : la démonstration n'y est pas chargée.",
      );
    },
    CLI_TIMEOUT_MS,
  );
});

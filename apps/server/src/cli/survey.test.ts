import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestSmtpServer, type TestSmtpServer } from "@tribune/cli-kit/smtp-testing";
import { type OpenDatabase, openDatabase } from "@tribune/db";
import { insertSurvey } from "@tribune/db/repos/surveys";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { SurveyInput } from "@tribune/domain/surveys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../testing";

/** Each command starts a process (tsx, the database, the migrations). */
const CLI_TIMEOUT_MS = 120_000;

/** `pnpm tribune survey invite` as the bureau runs it, on PGlite or on PostgreSQL. */
describe.each(testBackends())("survey invite command on %s", (backend: Backend) => {
  let folder: string;
  let env: Record<string, string>;
  let postgres: (OpenDatabase & { url: string | null }) | null = null;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "tribune-cli-invite-"));
    smtp = await startTestSmtpServer();
    let database: OpenDatabase;
    if (backend === "pglite") {
      database = await openDatabase({ dataDir: join(folder, "data") });
      env = { TRIBUNE_DATA_DIR: join(folder, "data") };
    } else {
      postgres = await openTestDatabase("postgres");
      database = postgres;
      env = { DATABASE_URL: postgres.url ?? "" };
    }
    Object.assign(env, {
      TRIBUNE_SMTP_URL: smtp.url,
      TRIBUNE_MAIL_FROM: "ISNAR-IMG <enquetes@isnar-img.example>",
      TRIBUNE_PUBLIC_URL: "https://tribune.example",
    });
    await insertSurvey(
      database.db,
      SurveyInput.parse({
        slug: "conditions-internes",
        title: "Conditions de travail des internes",
        year: 2026,
        partners: [],
        audience: "Internes",
        opensOn: null,
        closesOn: null,
        status: "open",
        disclosureThreshold: 5,
        questions: [{ id: "rang", type: "number", label: "Rang", unit: "", min: 0, max: 10 }],
      }),
    );
    if (!postgres) await database.close();
  }, CLI_TIMEOUT_MS);
  afterAll(async () => {
    await smtp.close();
    await postgres?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it(
    "sends each address of the file its link with a progress line, then skips them next time",
    async () => {
      const file = join(folder, "emails.txt");
      writeFileSync(file, "email\ncamille@exemple.fr\nalex@exemple.fr; sam@exemple.fr\n");
      const args = ["survey", "invite", "--survey", "conditions-internes", "--file", file];
      const sent = await runCli([...args, "--rate", "120"], env);
      expect(sent).toMatchObject({ code: 0, stderr: "" });
      expect(sent.stdout).toContain("3 invitations à envoyer, 120 par minute.");
      expect(sent.stdout).toContain("Invitations : 2 / 3 envoyées (67 %)");
      expect(sent.stdout).toContain("Terminé — Invitations : 3 / 3 envoyées (100 %).");
      expect(smtp.received.map((m) => m.subject)).toEqual(
        Array(3).fill("ISNAR-IMG : votre avis sur « Conditions de travail des internes »"),
      );
      expect(smtp.received[0]?.text).toMatch(
        /https:\/\/tribune\.example\/public\/enquete\/conditions-internes\?jeton=[0-9a-f]{32}/,
      );

      const again = await runCli(args, env);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain(
        "Toutes ces adresses ont déjà reçu une invitation à cette enquête",
      );
      expect(smtp.received).toHaveLength(3);

      writeFileSync(file, "camille@exemple.fr\npas-une-adresse\n");
      const bad = await runCli(args, env);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain(
        "Ligne 2 : « pas-une-adresse » n'est pas une adresse e-mail valide.",
      );
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "counts what it sends and skips in French: 1 in the singular, 2 in the plural",
    async () => {
      // camille@exemple.fr was invited by the test above.
      const file = join(folder, "more.txt");
      const args = ["survey", "invite", "--survey", "conditions-internes", "--file", file];
      writeFileSync(file, "camille@exemple.fr\ndominique@exemple.fr\n");
      const one = await runCli([...args, "--rate", "120"], env);
      expect(one).toMatchObject({ code: 0, stderr: "" });
      expect(one.stdout).toContain(
        "1 invitation à envoyer (1 déjà invitée, ignorée), 120 par minute.",
      );
      expect(smtp.received).toHaveLength(4);
      writeFileSync(
        file,
        "camille@exemple.fr\ndominique@exemple.fr\neden@exemple.fr\nfred@exemple.fr\n",
      );
      const two = await runCli([...args, "--rate", "120"], env);
      expect(two).toMatchObject({ code: 0, stderr: "" });
      expect(two.stdout).toContain(
        "2 invitations à envoyer (2 déjà invitées, ignorées), 120 par minute.",
      );
      expect(smtp.received).toHaveLength(6);
    },
    CLI_TIMEOUT_MS,
  );
});

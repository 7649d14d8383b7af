import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DEMO_PASSWORD,
  type FreshDatabase,
  freshDatabase,
  startTribune,
} from "@tribune/cli-kit/testing";
import { openDatabase } from "@tribune/db";
import { listEditions } from "@tribune/db/repos/editions";
import { listSubdivisionOptions } from "@tribune/db/repos/subdivisions";
import { listUsers } from "@tribune/db/repos/users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, runCli, spawnTsx, trpcPost } from "./testing";

/** The real entry point in a child process, on a PGlite data dir of its own. */
describe("server process (PGlite)", () => {
  let dataDir: string;
  let port: number;
  let url: string;
  const env = () => ({ PORT: String(port), HOST: "127.0.0.1", TRIBUNE_DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "tribune-server-"));
    port = await freePort();
    url = `http://localhost:${port}`;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Starts the server and resolves once /healthz answers, with what it printed so far. */
  async function start() {
    const child = spawnTsx("apps/server/src/main.ts", [], env()) as ChildProcessWithoutNullStreams;
    const output = { stdout: "", stderr: "" };
    child.stdout.on("data", (chunk) => (output.stdout += chunk));
    child.stderr.on("data", (chunk) => (output.stderr += chunk));
    const healthy = () =>
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    const deadline = Date.now() + 45_000;
    while (!(await healthy())) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`server did not start (exit ${child.exitCode}): ${output.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { child, output };
  }

  /** SIGTERM, then the exit code, within 5 seconds. */
  async function stop(child: ChildProcessWithoutNullStreams) {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error("no exit after SIGTERM")), 5000).unref(),
    );
    timeout.catch(() => child.kill("SIGKILL"));
    const [code] = (await Promise.race([exited, timeout])) as [number | null];
    return code;
  }

  let adminPassword = "";

  it("prints its URL and the demo accounts on first start, exits 0 on SIGTERM and unlocks the data dir", async () => {
    const { child, output } = await start();
    try {
      expect(existsSync(join(dataDir, "tribune.pid"))).toBe(true);
      expect(output.stdout).toContain(`Tribune est prêt : ${url}`);
      const admin = output.stdout.match(/admin@tribune\.demo\s+(\S+)/);
      expect(admin).not.toBeNull();
      adminPassword = admin?.[1] ?? "";
      expect(output.stdout).toContain("member@tribune.demo");

      // Meanwhile the accounts CLI cannot open the same PGlite data dir.
      const cli = await runCli(["user", "list"], env());
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain("PGlite ne sert qu'un processus à la fois");
      expect(cli.stderr).toContain("DATABASE_URL");
    } finally {
      expect(await stop(child)).toBe(0);
    }
    expect(output.stdout).toContain("SIGTERM reçu");
    expect(existsSync(join(dataDir, "tribune.pid"))).toBe(false);
  });

  it("prints no password on the next start, and the accounts still log in", async () => {
    const { child, output } = await start();
    try {
      expect(output.stdout).toContain(`Tribune est prêt : ${url}`);
      expect(output.stdout).not.toContain("@tribune.demo");
      expect(output.stdout).not.toContain(adminPassword);
      const login = await trpcPost(`http://127.0.0.1:${port}`, "auth.login", {
        email: "admin@tribune.demo",
        password: adminPassword,
      });
      expect(login.status).toBe(200);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });
});

/** A production first start: PostgreSQL, no TRIBUNE_DEMO. */
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("server process (fresh PostgreSQL)", () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase(process.env.TEST_DATABASE_URL);
  });
  afterAll(() => fresh.drop());

  it("creates no account and no demo data, prints no password, and says how to create the first admin", async () => {
    const server = await startTribune({ env: fresh.env, demo: "unset" });
    try {
      // What the server printed once ready ends with its "Connexion" line.
      const deadline = Date.now() + 10_000;
      while (!server.output().includes("Connexion :") && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const output = server.output();
      expect(output).toContain("Tribune est prêt");
      expect(output).not.toContain("@tribune.demo");
      expect(output).not.toContain("Démonstration");
      expect(output).toContain(
        'pnpm tribune user add --role admin --email vous@exemple.fr --name "Votre nom" --password-stdin',
      );
      expect(output).toContain("pnpm tribune edition create --year 2027");
      const programme = await fetch(`${server.url}/api/editions/2026/programme.json`);
      expect(programme.status).toBe(404);
      const login = await trpcPost(server.url, "auth.login", {
        email: "admin@tribune.demo",
        password: DEMO_PASSWORD,
      });
      expect(login.status).toBe(401);
    } finally {
      await server.stop();
    }
    const database = await openDatabase({ url: fresh.env.DATABASE_URL ?? "" });
    try {
      expect(await listUsers(database.db)).toEqual([]);
      expect(await listEditions(database.db)).toEqual([]);
      expect((await listSubdivisionOptions(database.db)).length).toBe(23);
    } finally {
      await database.close();
    }
  });
});

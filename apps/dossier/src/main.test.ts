import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compact, extractPdfText } from "@tribune/press-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const PASSWORD = "demo-password-2026";

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Our environment, minus anything that would point a child at another database or account. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const {
    DATABASE_URL: _u,
    TRIBUNE_DATA_DIR: _d,
    PORT: _p,
    TRIBUNE_EMAIL: _e,
    TRIBUNE_PASSWORD: _w,
    INIT_CWD: _i,
    ...rest
  } = process.env;
  return { ...rest, ...env };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the dossier CLI as `pnpm dossier` does (tsx, from the repository root). */
async function dossier(args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, ["--import", "tsx", "apps/dossier/src/main.ts", ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const [code] = await once(child, "close");
  return { code, stdout, stderr };
}

describe("pnpm dossier export, against a real server", () => {
  let server: ChildProcess;
  let url: string;
  let dir: string;
  let serverLog = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tribune-dossier-"));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
      cwd: ROOT,
      env: childEnv({
        PORT: String(port),
        HOST: "127.0.0.1",
        TRIBUNE_DATA_DIR: join(dir, "data"),
        TRIBUNE_DEMO_PASSWORD: PASSWORD,
      }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.on("data", (chunk) => (serverLog += chunk));
    server.stderr?.on("data", (chunk) => (serverLog += chunk));
    const deadline = Date.now() + 80_000;
    for (;;) {
      const ok = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline || server.exitCode !== null)
        throw new Error(`server did not start:\n${serverLog}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await once(server, "exit");
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const credentials = (email: string, password = PASSWORD) => ({
    TRIBUNE_EMAIL: email,
    TRIBUNE_PASSWORD: password,
  });

  it("exports the 2026 press kit as a press officer", async () => {
    const out = join(dir, "dossier.pdf");
    const run = await dossier(
      ["export", "--edition", "2026", "--out", out, "--server", url],
      credentials("press@tribune.demo"),
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines.slice(0, 3)).toEqual(["Connexion…", "Récupération des données…", "Mise en page…"]);
    expect(lines[3]).toMatch(
      new RegExp(
        `^Écrit : ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\((\\d+) pages, (\\d+) Ko\\)$`,
      ),
    );

    const pdf = readFileSync(out);
    const text = await extractPdfText(pdf);
    expect(lines[3]).toContain(
      `(${text.pages.length} pages, ${Math.round(pdf.byteLength / 1024)} Ko)`,
    );
    expect(text.info).toMatchObject({ Author: "ISNAR-IMG", Language: "fr" });
    expect(compact(text.pages.join(""))).toContain(compact("Nous contacter"));
  });

  it("writes a relative --out where the user typed the command (INIT_CWD)", async () => {
    const run = await dossier(
      ["export", "--edition", "2026", "--out", "relatif.pdf", "--server", url],
      {
        ...credentials("press@tribune.demo"),
        INIT_CWD: dir,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Écrit : relatif.pdf (");
    expect(existsSync(join(dir, "relatif.pdf"))).toBe(true);
  });

  it("fails clearly, with a non-zero exit code, as a member", async () => {
    const out = join(dir, "member.pdf");
    const run = await dossier(
      ["export", "--edition", "2026", "--out", out, "--server", url],
      credentials("member@tribune.demo"),
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim()).toBe(
      "Erreur : Le compte member@tribune.demo n'a pas accès au dossier de presse : il faut un compte Presse, Bureau National ou Administration.",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("fails clearly on a wrong password", async () => {
    const run = await dossier(
      ["export", "--edition", "2026", "--out", join(dir, "x.pdf"), "--server", url],
      credentials("press@tribune.demo", "pas le bon mot de passe"),
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim()).toBe(
      "Erreur : Connexion refusée pour press@tribune.demo : adresse e-mail ou mot de passe incorrect.",
    );
  });

  it("fails clearly when the server is down", async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const out = join(dir, "down.pdf");
    const run = await dossier(
      ["export", "--edition", "2026", "--out", out, "--server", down],
      credentials("press@tribune.demo"),
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`Erreur : Serveur injoignable à ${down}.`);
    expect(existsSync(out)).toBe(false);
  });

  it("fails clearly on an edition the server does not have", async () => {
    const run = await dossier(
      ["export", "--edition", "2031", "--out", join(dir, "y.pdf"), "--server", url],
      credentials("press@tribune.demo"),
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim()).toBe(`Erreur : Aucune édition 2031 sur ${url}.`);
  });
});

import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cookieFetch } from "@tribune/cli-kit";
import { DEMO_PASSWORD, freePort, runTsx, startServer, stopServer } from "@tribune/cli-kit/testing";
import { compact, extractPdfText } from "@tribune/press-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDossierClient } from "./client";

const PASSWORD = DEMO_PASSWORD;

/** Runs the dossier CLI as `pnpm dossier` does. */
const dossier = (args: string[], env: Record<string, string>) =>
  runTsx("apps/dossier/src/main.ts", args, env);

describe("pnpm dossier export, against a real server", () => {
  let server: ChildProcess;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tribune-dossier-"));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = await startServer(port, join(dir, "data"));
  });

  afterAll(async () => {
    await stopServer(server);
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

  it("warns on stderr, before writing, that the published programme has a conflict", async () => {
    // An organiser drags « 1,2,3 rempla » into the Amphi, over another session.
    const organiser = createDossierClient(url);
    await organiser.auth.login.mutate({ email: "organiser@tribune.demo", password: PASSWORD });
    const edition = await organiser.edition.current.query();
    const sessions = await organiser.session.list.query({ editionId: edition?.id ?? "" });
    const moved = sessions.find((s) => s.title === "1,2,3 rempla");
    const amphi = sessions.find((s) => s.title.startsWith("Évolution de la pratique"));
    if (!moved || !amphi) throw new Error("reference sessions missing");
    await organiser.session.update.mutate({ id: moved.id, roomIds: amphi.roomIds });
    try {
      const out = join(dir, "conflit.pdf");
      const run = await dossier(
        ["export", "--edition", "2026", "--out", out, "--server", url],
        credentials("press@tribune.demo"),
      );
      expect(run.code).toBe(0);
      const warning = run.stderr.trim().split("\n");
      expect(warning[0]).toBe(
        "Attention : le programme publié a 1 conflit (le PDF imprime côte à côte les sessions qui se chevauchent) :",
      );
      expect(warning[1]).toMatch(/^ {2}- .*« 1,2,3 rempla ».*même temps/);
      expect(existsSync(out)).toBe(true);
    } finally {
      await organiser.session.update.mutate({ id: moved.id, roomIds: moved.roomIds });
    }
  });

  // Last: it adds an edition, which becomes the server's current one.
  it("exports a new edition's kit as drafts under the BROUILLON watermark; the current edition by default", async () => {
    // An organiser prepares 2027 from 2026: its press-kit texts come over as drafts.
    const post = cookieFetch(new Map());
    const call = async (path: string, body: unknown) => {
      const res = await post(`${url}/trpc/${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(res.status, await res.clone().text()).toBe(200);
    };
    await call("auth.login", { email: "organiser@tribune.demo", password: PASSWORD });
    await call("edition.createFrom", {
      fromYear: 2026,
      number: 27,
      year: 2027,
      firstDay: "2027-01-21",
      lastDay: "2027-01-22",
    });

    // No --edition: the server's current edition (2026 is over, 2027 comes next).
    const run = await dossier(["export", "--server", url], {
      ...credentials("press@tribune.demo"),
      INIT_CWD: dir,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Écrit : dossier-de-presse-2027.pdf (");

    const text = await extractPdfText(readFileSync(join(dir, "dossier-de-presse-2027.pdf")));
    expect(text.pages.length).toBeGreaterThan(1);
    const unmarked = text.pages.flatMap((page, i) =>
      compact(page).includes("BROUILLON") ? [] : [i + 1],
    );
    expect(unmarked).toEqual([]);
    expect(compact(text.pages[0] ?? "")).toContain("2027");
  });
});

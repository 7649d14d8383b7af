import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { type CookieJar, cookieFetch } from "@tribune/cli-kit";
import { instantFromLocal } from "@tribune/domain/kernel";
import { referenceSubdivision } from "@tribune/reference";
import { render } from "ink-testing-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboardClient, followCounts, liveSource, loadData, logIn, signIn } from "./client";
import { clockAt } from "./clock";
import { createReauth } from "./reauth";
import {
  DEMO_PASSWORD,
  dashboard,
  freePort,
  type Run,
  startServer,
  stopServer,
} from "./test-server";
import { App } from "./ui/App";
import { KEYS } from "./ui/test-keys";

const DIJON = referenceSubdivision("dijon").id;

async function until(check: () => boolean, what: string, ms = 20_000, seen?: () => string) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${seen ? `; the screen:\n${seen()}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("pnpm dashboard against a real server", () => {
  let server: ChildProcess | undefined;
  let url: string;
  let port: number;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tribune-dashboard-"));
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = await startServer(port, join(dir, "data"));
  });

  afterAll(async () => {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Calls the API over HTTP like a browser would, with its own cookies. */
  const browser = (jar: CookieJar = new Map()) => {
    const post = cookieFetch(jar);
    return async (path: string, body: unknown) => {
      const res = await post(`${url}/trpc/${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return ((await res.json()) as { result: { data: Record<string, unknown> } }).result.data;
    };
  };

  /**
   * The dashboard as `pnpm dashboard` wires it, on the overview at 10:42 on day 1, with its
   * own cookie jar; `password` plays TRIBUNE_PASSWORD (absent: it asks on screen).
   */
  async function openDashboard(password?: string) {
    const clock = clockAt("2026-01-22T10:42");
    const jar: CookieJar = new Map();
    const client = createDashboardClient(url, jar);
    const { me } = await signIn(
      client,
      url,
      async () => ({ email: "bureau@tribune.demo", password: DEMO_PASSWORD }),
      false,
    );
    const data = await loadData(client, url, me, { at: clock() });
    const reauth = createReauth({
      email: me.email,
      password,
      logIn: async (email, typed) => {
        await logIn(client, url, { email, password: typed });
      },
    });
    const view = render(
      <App
        data={data}
        clock={clock}
        live={liveSource(client, data.edition.id, reauth)}
        reauth={reauth}
        // Wide enough for whole session titles in both the "now" and the "next" column.
        size={{ columns: 120, rows: 30 }}
      />,
    );
    const frame = () => view.lastFrame() ?? "";
    const flash = data.sessions.find((s) => s.title === "Flash Actualité n°1");
    if (!flash) throw new Error("no Flash Actualité n°1 in the seeded programme");
    await until(() => frame().includes("Flash Actualité n°1"), "the first frame");
    return { view, frame, jar, flash };
  }

  /** An organiser moving a session of the first day through the API, as the grid editor does. */
  async function moveOnDay1(id: string, from: string, to: string) {
    const organiser = browser();
    await organiser("auth.login", { email: "organiser@tribune.demo", password: DEMO_PASSWORD });
    await organiser("session.move", {
      id,
      startsAt: instantFromLocal("2026-01-22", from),
      endsAt: instantFromLocal("2026-01-22", to),
    });
  }

  /** Closes the dashboard's session on the server, as a logout from elsewhere would. */
  const closeSession = (jar: CookieJar) => browser(new Map(jar))("auth.logout", {});

  const as = (email: string, password = DEMO_PASSWORD) => ({
    TRIBUNE_EMAIL: email,
    TRIBUNE_PASSWORD: password,
    XDG_CONFIG_HOME: join(dir, "config"),
  });

  it("--snapshot prints the programme as plain text, and keeps the session for next time", async () => {
    const run: Run = await dashboard(
      ["--server", url, "--snapshot", "--screen", "programme", "--at", "2026-01-22T10:42"],
      as("bureau@tribune.demo"),
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("[2 Programme]");
    expect(run.stdout).toContain("Jour 1/2 · 22/01/2026");
    expect(run.stdout).toMatch(/09:00 +Plénière d'ouverture/);
    expect(stripVTControlCharacters(run.stdout)).toBe(run.stdout); // plain text, no colour codes
    expect(run.stdout.trimEnd().split("\n").length).toBeLessThan(24);

    const file = join(dir, "config", "tribune", "session.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // No credentials this time: the stored session is enough.
    const again = await dashboard(["--server", url, "--snapshot"], {
      XDG_CONFIG_HOME: join(dir, "config"),
    });
    expect(again.stderr).toBe("");
    expect(again.stdout).toContain("[1 Aperçu]");
    expect(again.stdout).toContain("Par subdivision");
  });

  it("says in French what went wrong: password, role, server", async () => {
    const wrong = await dashboard(["--server", url, "--snapshot"], {
      ...as("bureau@tribune.demo", "pas le bon"),
      XDG_CONFIG_HOME: join(dir, "other"),
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe(
      "Erreur : Connexion refusée pour bureau@tribune.demo : adresse e-mail ou mot de passe incorrect.",
    );
    const press = await dashboard(["--server", url, "--snapshot"], {
      ...as("press@tribune.demo"),
      XDG_CONFIG_HOME: join(dir, "press"),
    });
    expect(press.code).toBe(1);
    expect(press.stderr).toContain("n'a pas le rôle requis");
    const down = await dashboard(
      ["--server", `http://127.0.0.1:${await freePort()}`, "--snapshot"],
      {
        ...as("bureau@tribune.demo"),
        XDG_CONFIG_HOME: join(dir, "down"),
      },
    );
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^Erreur : Serveur injoignable à http:\/\/127\.0\.0\.1:\d+\./);
    expect(down.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("moves 'maintenant / ensuite' live when a session is moved through the API", async () => {
    const { view, frame, flash } = await openDashboard();
    await moveOnDay1(flash.id, "10:30", "10:50");
    await until(() => /▶ Flash Actualité n°1 +→10:50/.test(frame()), "the moved session");
    await moveOnDay1(flash.id, "10:45", "11:00");
    await until(() => frame().includes("10:45 Flash Actualité n°1"), "the session moved to later");
    expect(frame()).not.toContain("▶ Flash Actualité n°1");
    view.unmount();
  });

  it("signs in again by itself when the session is closed on the server (TRIBUNE_PASSWORD)", async () => {
    const { view, frame, jar, flash } = await openDashboard(DEMO_PASSWORD);
    const before = new Map(jar);
    await closeSession(jar);
    await moveOnDay1(flash.id, "10:40", "10:55");
    await until(() => /▶ Flash Actualité n°1 +→10:55/.test(frame()), "the reloaded programme");
    expect(frame()).toContain("● en ligne");
    expect(frame()).not.toContain("Session expirée");
    expect([...jar.values()]).not.toEqual([...before.values()]); // a new session
    view.unmount();
  });

  it("asks for the password on screen when the session expired and no password is set", async () => {
    const { view, frame, jar, flash } = await openDashboard();
    await closeSession(jar);
    await moveOnDay1(flash.id, "10:40", "10:58");
    await until(() => frame().includes("Session expirée"), "the password prompt");
    expect(frame()).toContain("○ session expirée");
    expect(frame()).toContain("Compte : bureau@tribune.demo");
    expect(frame()).not.toMatch(/at .*\.tsx?:\d+/);

    view.stdin.write("pas le bon");
    await until(
      () => frame().includes("Mot de passe : ••••••••••▏"),
      "the typed dots",
      5000,
      frame,
    );
    view.stdin.write(KEYS.enter);
    await until(
      () => frame().includes("✗ Connexion refusée pour bureau@tribune.demo"),
      "the refusal",
    );
    expect(frame()).toContain("Session expirée");

    view.stdin.write(DEMO_PASSWORD);
    await until(() => frame().includes("•".repeat(DEMO_PASSWORD.length)), "the password typed");
    view.stdin.write(KEYS.enter);
    await until(() => /▶ Flash Actualité n°1 +→10:58/.test(frame()), "the reloaded programme");
    expect(frame()).toContain("● en ligne");
    expect(frame()).not.toContain("Session expirée");
    view.unmount();
  });

  it("shows answers in the Enquêtes counts as they come in, without a key press", async () => {
    // A survey opened by an admin, as the builder does, before the dashboard starts.
    const admin = browser();
    await admin("auth.login", { email: "admin@tribune.demo", password: DEMO_PASSWORD });
    const { id } = (await admin("survey.create", {
      slug: "pouls-du-congres",
      title: "Pouls du congrès",
      year: 2026,
      opensOn: null,
      closesOn: null,
      anonymity: "open_link",
      disclosureThreshold: 5,
      questions: [{ id: "satisfait", label: "Satisfait·e du congrès ?", type: "yes_no" }],
    })) as { id: string };
    await admin("survey.setStatus", { id, status: "open" });

    const client = createDashboardClient(url, new Map());
    const { me } = await signIn(
      client,
      url,
      async () => ({ email: "bureau@tribune.demo", password: DEMO_PASSWORD }),
      false,
    );
    const clock = clockAt("2026-01-22T10:42");
    const data = await loadData(client, url, me, { at: clock() });
    const view = render(
      <App
        data={data}
        clock={clock}
        live={liveSource(client, data.edition.id)}
        screen="enquetes"
        size={{ columns: 80, rows: 40 }}
      />,
    );
    const lines = () => (view.lastFrame() ?? "").split("\n");
    const counts = () => lines().find((l) => l.includes("Pouls du congrès"));
    await until(() => / · 0 réponses · /.test(counts() ?? ""), "the first frame");

    // Five answers from the public form, nobody touching the dashboard: they enter the results
    // together, once a batch of the disclosure threshold has waited in the mixing pool.
    const respondent = browser();
    for (const satisfait of [true, false, true, true, false])
      await respondent("survey.respond", { slug: "pouls-du-congres", answers: { satisfait } });
    await until(() => / · 5 réponses · /.test(counts() ?? ""), "the answers to show up");
    view.unmount();
  });

  it("shows a check-in live, then 'hors ligne depuis', keeps the data, and reconnects", async () => {
    const clock = clockAt("2026-01-22T10:42");
    const client = createDashboardClient(url, new Map());
    const { me } = await signIn(
      client,
      url,
      async () => ({ email: "bureau@tribune.demo", password: DEMO_PASSWORD }),
      false,
    );
    const data = await loadData(client, url, me, { at: clock() });
    const live = {
      subscribe: (h: Parameters<typeof followCounts>[2]) =>
        followCounts(client, data.edition.id, h),
    };
    const view = render(
      <App
        data={data}
        clock={clock}
        live={live}
        screen="subdivisions"
        size={{ columns: 80, rows: 40 }}
      />,
    );
    const dijon = () =>
      (view.lastFrame() ?? "").split("\n").find((l) => l.startsWith("Dijon")) ?? "";
    await until(() => /^Dijon\s+0\s+0\s+0 /.test(dijon()), "the first frame");

    // A registration and a check-in through the API, as the desk would do them (the public
    // answer gives no code: it goes by e-mail).
    const call = browser();
    await call("auth.login", { email: "organiser@tribune.demo", password: DEMO_PASSWORD });
    const { code } = await call("registration.create", {
      editionId: data.edition.id,
      firstName: "Jeanne",
      lastName: "Bourguignonne",
      email: "jeanne@exemple.fr",
      subdivisionId: DIJON,
    });
    await call("checkIn.byCode", { editionId: data.edition.id, code });
    await until(() => /^Dijon\s+1\s+0\s+1 /.test(dijon()), "the check-in to show up");

    await stopServer(server);
    await until(
      () => (view.lastFrame() ?? "").includes("hors ligne depuis 10:4"),
      "the offline notice",
    );
    expect(dijon()).toMatch(/^Dijon\s+1\s+0\s+1 /);

    server = await startServer(port, join(dir, "data"));
    await until(() => (view.lastFrame() ?? "").includes("● en ligne"), "the reconnection", 30_000);
    expect(dijon()).toMatch(/^Dijon\s+1\s+0\s+1 /);
    view.unmount();
  });

  // Last: it adds an edition, which becomes the server's current one.
  it("follows --edition 2027, and by default the server's current edition", async () => {
    const organiser = browser();
    await organiser("auth.login", { email: "organiser@tribune.demo", password: DEMO_PASSWORD });
    await organiser("edition.createFrom", {
      fromYear: 2026,
      number: 27,
      year: 2027,
      firstDay: "2027-01-21",
      lastDay: "2027-01-22",
      copy: { programme: true },
    });
    const env = { ...as("bureau@tribune.demo"), XDG_CONFIG_HOME: join(dir, "editions") };
    const chosen = await dashboard(["--server", url, "--snapshot", "--edition", "2027"], env);
    expect(chosen.stderr).toBe("");
    expect(chosen.stdout).toContain("Tribune · 27e congrès");
    // No --edition: the server's rule (2026 is over, 2027 is the next to come).
    const current = await dashboard(["--server", url, "--snapshot"], env);
    expect(current.stdout).toContain("Tribune · 27e congrès");
    const unknown = await dashboard(["--server", url, "--snapshot", "--edition", "2031"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe(`Erreur : Aucune édition 2031 sur ${url}.`);
  });
});

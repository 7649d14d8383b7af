/**
 * The dashboard and the dossier CLI as a bureau member or a press officer gets them: each app
 * packed (`pnpm --filter … pack`, which builds it first), its tarball installed with npm alone
 * into an empty prefix (`npm install --global --prefix`, what `npm i -g` does on a laptop), and
 * the installed commands run outside the repository against the built server (`pnpm start`'s
 * bundle, which this also checks: migrations, demo, press-kit worker).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  childEnv,
  DEMO_PASSWORD,
  type FreshDatabase,
  freePort,
  freshDatabase,
  ROOT,
  stopServer,
} from "@tribune/cli-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const execFileAsync = promisify(execFile);
/** A command that fails, rather than hangs, after two minutes. */
const run = (command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) =>
  execFileAsync(command, args, { ...options, timeout: 120_000 });

interface Installed {
  /** The manifest inside the tarball, as npm read it. */
  manifest: {
    bin?: Record<string, string>;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  /** Runs the installed command from an empty folder, with only the given settings. */
  command(
    args: string[],
    env?: Record<string, string>,
  ): Promise<{ stdout: string; stderr: string }>;
}

let work: string;
let database: FreshDatabase;
let server: { url: string; child: ChildProcess };
/** Kept to stop the server even when packing or installing failed before it was awaited. */
let starting: Promise<{ url: string; child: ChildProcess }> | undefined;
const installed: Record<string, Installed> = {};

/** npm install --global of one tarball into a prefix of its own; its bin is `name`. */
async function install(tarball: string, name: string): Promise<Installed> {
  const prefix = join(work, `prefix-${name}`);
  await run(
    "npm",
    ["install", "--global", "--prefix", prefix, "--no-audit", "--no-fund", tarball],
    {
      cwd: work,
    },
  );
  const manifest = JSON.parse(
    (await run("npm", ["ls", "--global", "--prefix", prefix, "--json", "--long"], { cwd: work }))
      .stdout,
  ) as { dependencies: Record<string, { path: string }> };
  const path = Object.values(manifest.dependencies)[0]?.path ?? "";
  return {
    manifest: JSON.parse(readFileSync(join(path, "package.json"), "utf8")),
    command: (args, env = {}) =>
      run(join(prefix, "bin", name), args, {
        cwd: work,
        // No variable of this machine's Tribune, no tsx loader: the laptop's environment.
        env: { ...childEnv(env), NODE_OPTIONS: "" },
      }),
  };
}

/** `node apps/server/dist/main.mjs` (rebuilt if stale), on a free port, once /healthz answers. */
async function startBuiltServer(env: Record<string, string>) {
  await run(process.execPath, ["tooling/build/fresh.mjs", "server"], { cwd: ROOT });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(ROOT, "apps/server/dist/main.mjs")], {
    cwd: work,
    env: childEnv({
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      TRIBUNE_DEMO: "on",
      TRIBUNE_DEMO_PASSWORD: DEMO_PASSWORD,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The built server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "tribune-pack-"));
  database = await freshDatabase(process.env.TEST_DATABASE_URL);
  starting = startBuiltServer(database.env);
  const packs = join(work, "packs");
  await run(
    "pnpm",
    [
      "--filter",
      "@tribune/dashboard",
      "--filter",
      "@tribune/dossier",
      "pack",
      "--pack-destination",
      packs,
    ],
    { cwd: ROOT },
  );
  const tarball = (name: string) => {
    const file = readdirSync(packs).find((f) => f.startsWith(`${name}-`) && f.endsWith(".tgz"));
    if (!file) throw new Error(`no ${name} tarball in ${readdirSync(packs).join(", ")}`);
    return join(packs, file);
  };
  const [dashboard, dossier] = await Promise.all([
    install(tarball("tribune-dashboard"), "tribune-dashboard"),
    install(tarball("tribune-dossier"), "tribune-dossier"),
  ]);
  installed.dashboard = dashboard;
  installed.dossier = dossier;
  server = await starting;
});

afterAll(async () => {
  await stopServer((await starting?.catch(() => undefined))?.child);
  await database?.drop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.each([
  ["dashboard", "tribune-dashboard"],
  ["dossier", "tribune-dossier"],
])("the packed %s", (app, bin) => {
  it(`installs a ${bin} command that depends on no workspace package`, async () => {
    const { manifest, command } = installed[app] as Installed;
    expect(Object.keys(manifest.bin ?? {})).toEqual([bin]);
    const declared = { ...manifest.dependencies, ...manifest.devDependencies };
    expect(Object.keys(declared).filter((name) => name.startsWith("@tribune/"))).toEqual([]);
    expect(Object.values(declared).filter((version) => version.includes(":"))).toEqual([]);
    const help = await command(["--help"]);
    expect(help.stdout).toContain(`Usage: ${bin}`);
  });
});

describe("the installed commands against the built server", () => {
  it("the server's bundle renders the press kit in its worker thread", async () => {
    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "press@tribune.demo", password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const pdf = await fetch(`${server.url}/api/editions/2026/press-kit.pdf`, {
      headers: { Cookie: cookie },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("the dashboard draws its overview", async () => {
    const { stdout } = await (installed.dashboard as Installed).command(
      ["--server", server.url, "--snapshot", "--edition", "2026"],
      {
        XDG_CONFIG_HOME: join(work, "config"),
        TRIBUNE_EMAIL: "bureau@tribune.demo",
        TRIBUNE_PASSWORD: DEMO_PASSWORD,
      },
    );
    expect(stdout).toContain("26e congrès");
    expect(stdout).toContain("Aperçu");
  });

  it("the dossier CLI writes the 2026 press kit where it is run", async () => {
    const { stdout } = await (installed.dossier as Installed).command(
      ["export", "--server", server.url, "--edition", "2026", "--out", "kit.pdf"],
      { TRIBUNE_EMAIL: "press@tribune.demo", TRIBUNE_PASSWORD: DEMO_PASSWORD },
    );
    expect(stdout).toMatch(/Écrit : kit\.pdf \(\d+ pages, \d+ Ko\)/);
    expect(readdirSync(work)).toContain("kit.pdf");
  });
});

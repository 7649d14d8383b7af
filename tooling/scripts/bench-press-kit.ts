// Press-kit PDF figures against their targets: cold render (new process), warm renders, pages,
// size, memory after 50 renders, the server's event-loop delay while it renders the kit for
// a download, and the dossier CLI's export end to end against a warm built server (its bundle,
// as `pnpm dossier` runs it, and the sources through tsx in the same run). Prints figures; it
// is not a test and never fails a build.
//
//   pnpm bench:press-kit               (tsx --expose-gc …: memory after a GC)
//   pnpm bench:press-kit --cli-only    (the CLI's export only)
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

// This package has no "type": "module", so tsx runs the script as CommonJS: the
// workspace's ES modules are loaded with dynamic import(), and there is no top-level await.
const root = join(__dirname, "..", "..");
const load = async () => {
  const domain = await import("@tribune/domain/press-kit");
  const reference = await import("@tribune/reference");
  const { renderPressKitWithReport } = await import("@tribune/press-kit");
  const model = () =>
    domain.buildPressKitModel({
      ...reference.referenceProgramme2026(),
      editorial: reference.pressKitEditorial2026(),
    });
  return { model, renderPressKitWithReport };
};

const TARGETS = {
  warmMs: 500,
  coldMs: 3000,
  fileBytes: 2 * 1024 * 1024,
  loopDelayMs: 100,
  cliExportMs: 1500,
};
const ms = (n: number) => `${Math.round(n)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} Mo`;
const verdict = (ok: boolean) => (ok ? "ok" : "AU-DESSUS DE LA CIBLE");
const row = (label: string, value: string, note = "") =>
  console.log(`  ${label.padEnd(38)} ${value.padStart(12)}  ${note}`);

/** Child mode: one render in a fresh process, timed from the first import. */
async function coldChild() {
  const started = performance.now();
  const { model, renderPressKitWithReport } = await load();
  const { pdf, pageCount } = await renderPressKitWithReport(model());
  console.log(
    JSON.stringify({ renderMs: performance.now() - started, pageCount, bytes: pdf.byteLength }),
  );
}

async function main() {
  console.log(
    `Dossier de presse — banc d'essai (Node ${process.version}, ${new Date().toISOString()})\n`,
  );
  const { model, renderPressKitWithReport } = await load();

  // 1. Cold: a new process imports everything, loads the fonts and renders once.
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "tooling/scripts/bench-press-kit.ts", "--cold"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  const processMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`cold render failed:\n${child.stderr}`);
  const cold = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as { renderMs: number };
  console.log("Rendu à froid (nouveau processus)");
  row("processus complet (démarrage tsx inclus)", ms(processMs));
  row(
    "premier rendu (polices incluses)",
    ms(cold.renderMs),
    `cible ≤ ${ms(TARGETS.coldMs)} : ${verdict(cold.renderMs <= TARGETS.coldMs)}`,
  );

  // 2. Warm: 10 renders in this process after a first one.
  const kit = model();
  const first = await renderPressKitWithReport(kit);
  const times: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const t = performance.now();
    await renderPressKitWithReport(kit);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const median = ((times[4] ?? 0) + (times[5] ?? 0)) / 2;
  console.log("\nRendu à chaud (10 rendus, même processus)");
  row("moyenne", ms(mean), `cible ≤ ${ms(TARGETS.warmMs)} : ${verdict(mean <= TARGETS.warmMs)}`);
  row("médiane / min / max", `${ms(median)}`, `${ms(times[0] ?? 0)} / ${ms(times.at(-1) ?? 0)}`);
  row("passes de mise en page (sommaire)", String(first.passes));

  console.log("\nDocument");
  row("pages", String(first.pageCount));
  row(
    "taille",
    `${(first.pdf.byteLength / 1024).toFixed(0)} Ko`,
    `cible ≤ 2 Mo : ${verdict(first.pdf.byteLength <= TARGETS.fileBytes)}`,
  );

  // 3. Memory after 50 renders.
  const before = process.memoryUsage();
  for (let i = 0; i < 50; i += 1) await renderPressKitWithReport(kit);
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  console.log("\nMémoire après 50 rendus de plus");
  row("RSS", mb(after.rss), `avant : ${mb(before.rss)}`);
  row(
    "tas utilisé / réservé",
    `${mb(after.heapUsed)}`,
    `${mb(after.heapTotal)} (avant : ${mb(before.heapUsed)})`,
  );

  // 4. The server's event loop while it renders downloads (in its worker thread): measured in a
  // process of its own, as the real server runs, not in this one and its 60 renders of garbage.
  const serverRun = spawnSync(
    process.execPath,
    ["--import", "tsx", "tooling/scripts/bench-press-kit.ts", "--server"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (serverRun.status !== 0) throw new Error(`server bench failed:\n${serverRun.stderr}`);
  const downloads = JSON.parse(serverRun.stdout.trim().split("\n").at(-1) ?? "[]") as Download[];
  console.log("\nServeur : délai de la boucle d'événements pendant un téléchargement du PDF");
  for (const d of downloads) {
    row(
      d.label,
      `max ${ms(d.maxMs)}`,
      `p99 ${ms(d.p99Ms)}, réponse ${d.status} en ${ms(d.elapsedMs)} (${d.kb} Ko) — cible < ${ms(TARGETS.loopDelayMs)} : ${verdict(d.maxMs < TARGETS.loopDelayMs)}`,
    );
  }
  await cliExport();
}

/** The built server (`pnpm start`'s bundle, rebuilt if stale) on a fresh PGlite folder. */
async function startBuiltServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  execFileSync(process.execPath, ["tooling/build/fresh.mjs", "server", "dossier"], {
    cwd: root,
    stdio: ["ignore", 2, 2],
  });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["apps/server/dist/main.mjs"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: "127.0.0.1",
      TRIBUNE_DATA_DIR: dataDir,
      TRIBUNE_DEMO: "on",
      TRIBUNE_DEMO_PASSWORD: "bench-password-2026",
    },
    stdio: "ignore",
  });
  for (;;) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child };
    if (child.exitCode !== null) throw new Error("the built server stopped at start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** 5. `pnpm dossier export` end to end, against a warm built server. */
async function cliExport() {
  const dir = mkdtempSync(join(tmpdir(), "tribune-bench-cli-"));
  const server = await startBuiltServer(join(dir, "data"));
  try {
    const launches = {
      "bundle (node)": ["apps/dossier/dist/main.js"],
      "sources (tsx)": ["--import", "tsx", "apps/dossier/src/main.ts"],
    };
    const exportOnce = (entry: string[]) => {
      const t = performance.now();
      const run = spawnSync(
        process.execPath,
        [
          ...entry,
          "export",
          "--edition",
          "2026",
          "--out",
          join(dir, "kit.pdf"),
          "--server",
          server.url,
        ],
        {
          cwd: root,
          encoding: "utf8",
          env: {
            ...process.env,
            TRIBUNE_EMAIL: "press@tribune.demo",
            TRIBUNE_PASSWORD: "bench-password-2026",
          },
        },
      );
      if (run.status !== 0) throw new Error(`export failed:\n${run.stderr}`);
      return performance.now() - t;
    };
    // Warm: the server's render worker started, its fonts loaded, its code compiled.
    for (const entry of Object.values(launches)) exportOnce(entry);
    const times: Record<string, number[]> = Object.fromEntries(
      Object.keys(launches).map((label) => [label, []]),
    );
    for (let i = 0; i < 3; i += 1)
      for (const [label, entry] of Object.entries(launches)) times[label]?.push(exportOnce(entry));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? Number.NaN;
    console.log("\nCLI : export du dossier 2026 de bout en bout, serveur construit et chaud");
    for (const [label, xs] of Object.entries(times)) {
      const note = label.startsWith("bundle")
        ? `cible ≤ ${ms(TARGETS.cliExportMs)} : ${verdict(median(xs) <= TARGETS.cliExportMs)}`
        : "";
      row(label, `${ms(median(xs))}`, `(${xs.map(ms).join(", ")}) ${note}`);
    }
    const [bundled = [], sources = []] = Object.values(times);
    row("bundle / tsx", `${(median(bundled) / median(sources)).toFixed(2)}×`);
  } finally {
    server.child.kill("SIGTERM");
    await once(server.child, "exit");
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Download {
  label: string;
  status: number;
  kb: number;
  elapsedMs: number;
  maxMs: number;
  p99Ms: number;
}

/** Child mode: the HTTP app on PGlite, one press login, three downloads under a delay monitor. */
async function serverChild() {
  const { bootstrap } = await import("@tribune/server/bootstrap");
  const { createApp } = await import("@tribune/server/http/app");
  const { PressKitRenderer } = await import("@tribune/server/press-kit/renderer");
  const { openDatabase } = await import("@tribune/db");
  const database = await openDatabase({ memory: true });
  const { demoAccounts } = await bootstrap(database.db, { demoPassword: "bench-password-2026" });
  const renderer = new PressKitRenderer();
  const app = await createApp({ database, pressKitRenderer: renderer });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  const press = demoAccounts.find((a) => a.role === "press");
  const login = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: press?.email, password: press?.password }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const results: Download[] = [];
  for (const label of [
    "1er téléchargement (démarrage du worker)",
    "2e téléchargement (worker chaud)",
    "3e téléchargement (worker chaud)",
  ]) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const t = performance.now();
    const res = await fetch(`${url}/api/editions/2026/press-kit.pdf`, {
      headers: { Cookie: cookie },
    });
    const size = (await res.arrayBuffer()).byteLength;
    const elapsedMs = performance.now() - t;
    delay.disable();
    results.push({
      label,
      status: res.status,
      kb: Math.round(size / 1024),
      elapsedMs,
      maxMs: delay.max / 1e6,
      p99Ms: delay.percentile(99) / 1e6,
    });
  }
  await app.close();
  await renderer.close();
  await database.close();
  console.log(JSON.stringify(results));
}

(process.argv.includes("--cold")
  ? coldChild()
  : process.argv.includes("--cli-only")
    ? cliExport()
    : process.argv.includes("--server")
      ? serverChild()
      : main()
).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

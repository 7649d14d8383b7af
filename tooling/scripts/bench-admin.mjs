#!/usr/bin/env node
// Builds the web admin and prints what a first visit downloads: the entry chunk and every
// chunk it imports statically (lazy pages excluded), raw and gzipped, against the budget.
// Figures only; `--check` also exits with 1 when the initial JavaScript is over budget.
//
//   node tooling/scripts/bench-admin.mjs [--check] [--json]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_GZIP_KB = 250;
const KB = 1024;

const root = fileURLToPath(new URL("../..", import.meta.url));
const args = new Set(process.argv.slice(2));
const outDir = mkdtempSync(join(tmpdir(), "tribune-admin-bench-"));

try {
  // A separate output folder with a manifest: apps/admin/dist (what the server serves) is left alone.
  const started = performance.now();
  execFileSync(
    "pnpm",
    [
      "--silent",
      "--filter",
      "@tribune/admin",
      "exec",
      "vite",
      "build",
      "--manifest",
      "--outDir",
      outDir,
      "--emptyOutDir",
      "--logLevel",
      "error",
    ],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
  );
  const buildSeconds = (performance.now() - started) / 1000;

  /** @type {Record<string, {file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[]}>} */
  const manifest = JSON.parse(readFileSync(join(outDir, ".vite", "manifest.json"), "utf8"));
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error("No entry in Vite's manifest.");

  const measure = (file) => {
    const bytes = readFileSync(join(outDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };

  // The entry and its static imports, transitively: what the browser fetches before any page.
  const initialKeys = [];
  const visit = (key) => {
    if (initialKeys.includes(key)) return;
    initialKeys.push(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entryKey);
  const initialJs = initialKeys.map((key) => measure(manifest[key].file));
  const initialCss = [...new Set(initialKeys.flatMap((key) => manifest[key].css ?? []))].map(
    measure,
  );

  // Everything loaded on demand (pages), for context.
  const initialFiles = new Set(initialJs.map((c) => c.file));
  const lazy = [
    ...new Set(
      Object.values(manifest)
        .map((chunk) => chunk.file)
        .filter((file) => file.endsWith(".js") && !initialFiles.has(file)),
    ),
  ].map(measure);

  const sum = (chunks, key) => chunks.reduce((total, c) => total + c[key], 0);
  const totals = { raw: sum(initialJs, "raw"), gzip: sum(initialJs, "gzip") };
  const within = totals.gzip <= BUDGET_GZIP_KB * KB;

  if (args.has("--json")) {
    console.log(
      JSON.stringify(
        { budgetGzipKB: BUDGET_GZIP_KB, initialJs, initialCss, lazy, totals, within },
        null,
        2,
      ),
    );
  } else {
    const kb = (bytes) => `${(bytes / KB).toFixed(1).padStart(8)} KB`;
    const row = (label, c) => console.log(`  ${label.padEnd(44)} ${kb(c.raw)} ${kb(c.gzip)}`);
    console.log(`Web admin build (${buildSeconds.toFixed(1)} s) — 1 KB = 1,024 bytes, gzip -9\n`);
    console.log(
      `  ${"initial JavaScript".padEnd(44)} ${"raw".padStart(11)} ${"gzip".padStart(11)}`,
    );
    for (const c of initialJs) row(c.file, c);
    row("total", totals);
    for (const c of initialCss) row(`${c.file} (CSS)`, c);
    console.log(`\n  ${"loaded on demand".padEnd(44)}`);
    for (const c of lazy.sort((a, b) => b.gzip - a.gzip)) row(c.file, c);
    const share = ((totals.gzip / (BUDGET_GZIP_KB * KB)) * 100).toFixed(0);
    console.log(
      `\nInitial JavaScript: ${(totals.gzip / KB).toFixed(1)} KB gzip of a ${BUDGET_GZIP_KB} KB budget (${share} %) — ${within ? "within budget" : "OVER BUDGET"}.`,
    );
  }
  if (args.has("--check") && !within) process.exitCode = 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

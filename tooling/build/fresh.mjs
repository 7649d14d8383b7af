#!/usr/bin/env node
// Rebuilds the named apps whose build is missing or older than one of its sources, then exits:
// the root scripts run it before starting a bundle (`pnpm start`, `pnpm dashboard`…), so that
// a command always runs the sources as they are, and costs only a few stat() calls when nothing
// changed. Messages go to stderr: a command's output stays its own (pipes, --snapshot).
//
//   node tooling/build/fresh.mjs admin server
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { INPUTS_FILE, REPO_ROOT } from "./bundle.mjs";

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY; // a source gone: rebuild
  }
};

/** Newest modification time of the files under `path` (node_modules and dist aside). */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted file changes its folder
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist") continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** A bundled app: stale when a file its last build read changed since. */
function bundledIsStale(app) {
  const inputsFile = join(REPO_ROOT, "apps", app, "dist", INPUTS_FILE);
  if (!existsSync(inputsFile)) return true;
  const built = mtime(inputsFile);
  const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  return inputs.some((input) => mtime(join(REPO_ROOT, input)) > built);
}

const APPS = {
  // Vite's build: no list of inputs, so its sources' folders, and the domain it imports.
  admin: {
    stale: () =>
      newest(join(REPO_ROOT, "apps/admin/dist/index.html")) <
      Math.max(
        ...["apps/admin/src", "apps/admin/index.html", "apps/admin/vite.config.ts"]
          .concat(["apps/admin/package.json", "apps/admin/public", "packages/domain/src"])
          .map((path) => newest(join(REPO_ROOT, path))),
      ),
    build: ["pnpm", ["--silent", "--filter", "@tribune/admin", "build"]],
  },
  server: { stale: () => bundledIsStale("server") },
  dashboard: { stale: () => bundledIsStale("dashboard") },
  dossier: { stale: () => bundledIsStale("dossier") },
};

for (const name of process.argv.slice(2)) {
  const app = APPS[name];
  if (!app) throw new Error(`Unknown app: ${name} (known: ${Object.keys(APPS).join(", ")})`);
  if (!app.stale()) continue;
  console.error(`Construction de ${name} (sources plus récentes que sa dernière construction)…`);
  const [command, args] = app.build ?? [process.execPath, [join("apps", name, "build.mjs")]];
  execFileSync(command, args, { cwd: REPO_ROOT, stdio: ["ignore", 2, 2] });
}

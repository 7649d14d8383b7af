#!/usr/bin/env node
// First command of the quick start: works on a machine with only Node 20+ and npm.
// Installs pnpm (the version package.json pins) if missing, then the workspace, then builds what
// the commands run: the web admin, the server and its CLI, the dashboard and the dossier CLI
// (turbo, in parallel, from its cache when nothing changed).
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";

const root = new URL("../..", import.meta.url);
const { packageManager } = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const wanted = packageManager.split("@")[1];

const run = (command) => execSync(command, { cwd: root, stdio: "inherit" });
const quiet = (command) => {
  try {
    return execSync(command, { cwd: root, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    return null;
  }
};

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(
    `Tribune demande Node.js 20.19 ou plus récent (vous avez ${process.versions.node}).`,
  );
  process.exit(1);
}

if (quiet("pnpm --version") !== wanted) {
  console.log(`Installation de pnpm ${wanted}…`);
  try {
    run(`npm install --global pnpm@${wanted}`);
  } catch {
    console.error(
      `Impossible d'installer pnpm globalement (droits ?). Essayez : sudo npm install -g pnpm@${wanted}`,
    );
    process.exit(1);
  }
}

run("pnpm install --frozen-lockfile");
run("pnpm exec turbo run build --output-logs=errors-only");
console.log("\nTribune est installé. Lancez-le avec : pnpm start");

// The layering check `pnpm lint` runs (dependency-cruiser with the root .dependency-cruiser.cjs):
// a small tree with one planted violation of each rule is reported rule by rule, what the rules
// allow passes, and the real tree passes.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");
const DEPCRUISE = join(HERE, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

/** Runs dependency-cruiser with the lint's configuration in `cwd`, printing `outputType`. */
function depcruise(cwd: string, folders: string[], outputType: "err" | "json") {
  return spawnSync(
    process.execPath,
    [DEPCRUISE, ...folders, "--config", CONFIG, "--output-type", outputType],
    { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
}

/** The violations found in `cwd`, as "rule: from → to". */
function violations(cwd: string, folders: string[]): string[] {
  const run = depcruise(cwd, folders, "json");
  if (!run.stdout) throw new Error(`depcruise printed nothing: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

/** The planted tree: each file's path and source. */
const FIXTURE: Record<string, string> = {
  "packages/db/package.json": JSON.stringify({
    name: "@tribune/db",
    exports: { ".": "./src/index.ts" },
  }),
  "packages/db/src/index.ts":
    'export * from "./client";\nexport * from "./repos/users";\nexport const openDatabase = () => 1;\n',
  "packages/db/src/client.ts": "export type Database = { ok: true };\n",
  "packages/db/src/repos/users.ts": "export const listUsers = () => [];\n",
  "packages/domain/package.json": JSON.stringify({
    name: "@tribune/domain",
    exports: { "./kernel": "./src/kernel/index.ts" },
  }),
  "packages/domain/src/kernel/index.ts": "export const notFound = () => 1;\n",
  "packages/api/package.json": JSON.stringify({
    name: "@tribune/api",
    exports: { ".": "./src/index.ts", "./types": "./src/types.ts" },
  }),
  "packages/api/src/index.ts":
    "export type AppRouter = { ok: true };\nexport const appRouter = {};\n",
  "packages/api/src/types.ts": 'export type { AppRouter } from "./index";\n',
  "apps/server/src/main.ts": "export const start = () => 1;\n",
  "packages/reference/package.json": JSON.stringify({
    name: "@tribune/reference",
    exports: { ".": "./src/index.ts" },
  }),
  "packages/reference/src/index.ts": "export const referenceSubdivisions = () => [];\n",

  // Violations, one or two per file.
  "apps/admin/src/bad-db.ts": 'import { openDatabase } from "@tribune/db";\nopenDatabase();\n',
  "apps/dashboard/src/bad-db-path.ts":
    'import { openDatabase } from "../../../packages/db/src/index";\nopenDatabase();\n',
  "apps/dossier/src/bad-api.ts": 'import { appRouter } from "@tribune/api";\nappRouter;\n',
  "apps/dashboard/src/bad-api-root.ts":
    'import type { AppRouter } from "@tribune/api";\nexport type R = AppRouter;\n',
  "packages/domain/src/bad-fs.ts": 'import { readFileSync } from "node:fs";\nreadFileSync;\n',
  "packages/domain/src/bad-pg.ts": 'import pg from "pg";\npg;\n',
  "packages/domain/src/bad-db.ts": 'import { openDatabase } from "@tribune/db";\nopenDatabase;\n',
  "packages/domain/src/bad-lib.ts": 'import axios from "axios";\naxios;\n',
  "apps/server/src/bad-domain-root.ts":
    'import { notFound } from "@tribune/domain";\nnotFound();\n',
  "packages/db/src/bad-api.ts": 'import { appRouter } from "@tribune/api";\nappRouter;\n',
  "packages/api/src/routers/session.ts": 'import { join } from "./signup";\njoin();\n',
  "packages/api/src/routers/signup.ts": "export const join = () => 1;\n",
  "packages/press-kit/src/bad-app.ts":
    'import { start } from "../../../apps/server/src/main";\nstart();\n',
  "packages/api/src/services/subdivisions/bad-reference.ts":
    'import { referenceSubdivisions } from "@tribune/reference";\nreferenceSubdivisions();\n',
  "packages/cli-kit/src/ping.ts":
    'import { pong } from "./pong";\nexport const ping = () => pong;\n',
  "packages/cli-kit/src/pong.ts":
    'import { ping } from "./ping";\nexport const pong = () => ping;\n',

  // Allowed: a front end's type import of the API, a router test importing a router, a cycle
  // through an `import type`, a domain test using vitest, a domain face, db's root re-exporting
  // its connection.
  "apps/admin/src/trpc.ts":
    'import type { AppRouter } from "@tribune/api/types";\nexport type R = AppRouter;\n',
  "packages/api/src/routers/signup.test.ts": 'import { join } from "./signup";\njoin();\n',
  "apps/dashboard/src/client.ts":
    'import type { Reauth } from "./reauth";\nexport const isUnauthorized = (r?: Reauth) => !r;\n',
  "apps/dashboard/src/reauth.ts":
    'import { isUnauthorized } from "./client";\nexport type Reauth = () => boolean;\nisUnauthorized();\n',
  "packages/domain/src/rules.test.ts": 'import { it } from "vitest";\nit;\n',
  "apps/server/src/face.ts": 'import { notFound } from "@tribune/domain/kernel";\nnotFound();\n',
  // Allowed: the 2026 reference data in a seed, the demo loader, a test and a test helper.
  "packages/db/src/seed/subdivisions.ts":
    'import { referenceSubdivisions } from "@tribune/reference";\nreferenceSubdivisions();\n',
  "apps/server/src/bootstrap.ts":
    'import { referenceSubdivisions } from "@tribune/reference";\nreferenceSubdivisions();\n',
  "packages/api/src/routers/subdivision.test.ts":
    'import { referenceSubdivisions } from "@tribune/reference";\nreferenceSubdivisions();\n',
  "packages/api/src/test-support.ts":
    'import { referenceSubdivisions } from "@tribune/reference";\nreferenceSubdivisions();\n',
};

describe("the layering check", () => {
  let tree: string;

  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), "tribune-layering-"));
    for (const [path, source] of Object.entries(FIXTURE)) {
      mkdirSync(dirname(join(tree, path)), { recursive: true });
      writeFileSync(join(tree, path), source);
    }
    // Workspace packages are linked in node_modules, as pnpm links them.
    mkdirSync(join(tree, "node_modules", "@tribune"), { recursive: true });
    for (const name of ["db", "api", "reference", "domain"])
      symlinkSync(join(tree, "packages", name), join(tree, "node_modules", "@tribune", name));
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it("fails as `pnpm lint` does, naming each broken rule", () => {
    // The lint's own invocation: the default output, and its exit code.
    const run = depcruise(tree, ["apps", "packages"], "err");
    expect(run.status, run.stderr).not.toBe(0);
    for (const rule of [
      "front-end-no-db",
      "front-end-api-types-only",
      "front-end-api-types-entry",
      "domain-no-node-builtins",
      "domain-no-io",
      "domain-only-pure-libraries",
      "db-not-above",
      "domain-through-faces",
      "db-root-connection-only",
      "packages-not-apps",
      "router-not-router",
      "reference-only-seeds-demo-tests",
      "no-relative-cross-package",
      "no-runtime-cycle",
    ])
      expect(run.stdout).toContain(`error ${rule}: `);
  });

  it("reports each planted violation under its rule, and nothing the rules allow", () => {
    expect(violations(tree, ["apps", "packages"])).toEqual(
      [
        "front-end-no-db: apps/admin/src/bad-db.ts → packages/db/src/index.ts",
        "front-end-no-db: apps/dashboard/src/bad-db-path.ts → packages/db/src/index.ts",
        "no-relative-cross-package: apps/dashboard/src/bad-db-path.ts → packages/db/src/index.ts",
        "front-end-api-types-only: apps/dossier/src/bad-api.ts → packages/api/src/index.ts",
        "front-end-api-types-entry: apps/dossier/src/bad-api.ts → packages/api/src/index.ts",
        "front-end-api-types-entry: apps/dashboard/src/bad-api-root.ts → packages/api/src/index.ts",
        "domain-no-node-builtins: packages/domain/src/bad-fs.ts → fs",
        "domain-no-io: packages/domain/src/bad-pg.ts → pg",
        "domain-only-pure-libraries: packages/domain/src/bad-pg.ts → pg",
        "domain-no-io: packages/domain/src/bad-db.ts → packages/db/src/index.ts",
        "domain-only-pure-libraries: packages/domain/src/bad-db.ts → packages/db/src/index.ts",
        "domain-only-pure-libraries: packages/domain/src/bad-lib.ts → axios",
        "db-not-above: packages/db/src/bad-api.ts → packages/api/src/index.ts",
        "domain-through-faces: apps/server/src/bad-domain-root.ts → @tribune/domain",
        "db-root-connection-only: packages/db/src/index.ts → packages/db/src/repos/users.ts",
        "router-not-router: packages/api/src/routers/session.ts → packages/api/src/routers/signup.ts",
        "reference-only-seeds-demo-tests: packages/api/src/services/subdivisions/bad-reference.ts → packages/reference/src/index.ts",
        "packages-not-apps: packages/press-kit/src/bad-app.ts → apps/server/src/main.ts",
        "no-relative-cross-package: packages/press-kit/src/bad-app.ts → apps/server/src/main.ts",
        "no-runtime-cycle: packages/cli-kit/src/ping.ts → packages/cli-kit/src/pong.ts", // once per cycle
      ].sort(),
    );
  });

  it("passes on the real tree", () => {
    const run = depcruise(ROOT, ["apps", "packages", "tooling"], "err");
    expect(run.status, run.stdout).toBe(0);
  });
});

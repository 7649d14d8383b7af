// The layering rules `pnpm lint` enforces (dependency-cruiser, run on apps, packages and tooling).
// The layers: domain ← db ← api ← apps/server; the front ends (admin, dashboard, dossier) talk to
// the server over HTTP and share only the domain's schemas and the API's types.
// tooling/layering/layering.test.ts plants a violation of each rule and checks it is reported.

/** Matches an npm package by name, resolved (pnpm's node_modules/.pnpm/…) or not. */
const npm = (...names) => `(^|node_modules/)(${names.join("|")})(/|$)`;
/** Matches a workspace package, imported by name or by path. */
const workspace = (...names) =>
  `^(${names.map((n) => `packages/${n}/|@tribune/${n}(/|$)`).join("|")})`;

const FRONT_ENDS = "^apps/(admin|dashboard|dossier)/";
const DOMAIN_SOURCE = "^packages/domain/src/";
const TEST_FILE = "\\.test\\.tsx?$";
/** Tests and the helpers only tests import (api's test-support, the admin's and the dashboard's fixtures). */
const TEST_CODE = [
  TEST_FILE,
  "/test-support\\.ts$",
  "/test-fixtures\\.ts$",
  "/testing(\\.tsx?$|/)",
];

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "front-end-no-db",
      comment:
        "A front end reaches the data through the API over HTTP; importing the database package " +
        "would bundle drivers (pg, PGlite) into a browser or CLI and bypass roles and audit.",
      severity: "error",
      from: { path: FRONT_ENDS },
      to: { path: workspace("db") },
    },
    {
      name: "front-end-api-types-only",
      comment:
        "A front end may import `type AppRouter` / `RouterInputs` / `RouterOutputs` from " +
        "@tribune/api, erased at compile time. A value import would pull the server's routers, " +
        "and with them the database and argon2, into the front end's bundle.",
      severity: "error",
      from: { path: FRONT_ENDS },
      to: { path: workspace("api"), dependencyTypesNot: ["type-only"] },
    },
    {
      name: "front-end-api-types-entry",
      comment:
        "A front end sees the API through its types entry, @tribune/api/types (AppRouter, " +
        "RouterInputs, RouterOutputs) — never the server's entry, even for types: one narrow " +
        "face, which says what the front ends depend on.",
      severity: "error",
      from: { path: FRONT_ENDS },
      to: { path: workspace("api"), pathNot: "^packages/api/src/types\\.ts$" },
    },
    {
      name: "domain-no-node-builtins",
      comment:
        "The domain is pure rules and schemas, usable in a browser and testable without a disk " +
        "or a network: no Node built-in is justified there (fs, net, http, child_process, crypto " +
        "… all belong to db, api or the apps).",
      severity: "error",
      from: { path: DOMAIN_SOURCE },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "domain-no-io",
      comment:
        "The domain sits below every other layer: it never talks to a database (pg, PGlite, " +
        "drizzle) and never imports a workspace package, which would make the layers circular.",
      severity: "error",
      from: { path: DOMAIN_SOURCE },
      to: {
        path: [
          npm("pg", "@electric-sql/pglite", "drizzle-orm", "drizzle-kit"),
          workspace("db", "api", "press-kit", "cli-kit"),
          "^apps/",
        ],
      },
    },
    {
      name: "domain-only-pure-libraries",
      comment:
        "An allow-list, so that a new I/O library cannot slip into the domain unnoticed: zod for " +
        "schemas, date-fns and @date-fns/tz for the congress's time zone. Tests may also use " +
        "vitest. Add a library here only if it does no I/O.",
      severity: "error",
      from: { path: DOMAIN_SOURCE, pathNot: TEST_FILE },
      to: {
        dependencyTypesNot: ["core"],
        pathNot: [DOMAIN_SOURCE, npm("zod", "date-fns", "@date-fns/tz")],
      },
    },
    {
      name: "domain-through-faces",
      comment:
        "The domain has no root entry: a file imports the face of each area it depends on " +
        "(@tribune/domain/<area>, /kernel for errors, refusals, input, time and zod's French, " +
        "/audit, /format, /routes), so that its imports say which rules it uses. A root that " +
        "re-exported every area through `export *` hid that, and pulled every area into each " +
        "bundle that touched one.",
      severity: "error",
      from: {},
      to: { path: ["^@tribune/domain$", "^packages/domain/src/index\\.tsx?$"] },
    },
    {
      name: "db-root-connection-only",
      comment:
        "@tribune/db's root is the connection (openDatabase, Database, Executor), the event bus " +
        "and isDatabaseUnavailable. Repositories are imported as @tribune/db/repos/<name>, the " +
        "tables as @tribune/db/schema, and backup, seeds and test helpers through their own " +
        "faces: the root re-exporting them again would hide what a file depends on.",
      severity: "error",
      from: { path: "^packages/db/src/index\\.ts$" },
      to: { pathNot: "^packages/db/src/(client|events|lock|unavailable)\\.ts$" },
    },
    {
      name: "db-not-above",
      comment:
        "The database package serves the API, not the other way round: importing @tribune/api " +
        "or an app from db would make the layers circular.",
      severity: "error",
      from: { path: "^packages/db/" },
      to: { path: [workspace("api"), "^apps/", "^@tribune/(server|admin|dashboard|dossier)(/|$)"] },
    },
    {
      name: "packages-not-apps",
      comment:
        "Shared packages are libraries; apps compose them. A package importing an app would tie " +
        "every other user of the package to that app.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: ["^apps/", "^@tribune/(server|admin|dashboard|dossier)(/|$)"] },
    },
    {
      name: "reference-only-seeds-demo-tests",
      comment:
        "@tribune/reference holds the 2026 data (congress, press-kit texts, subdivisions, " +
        "surveys with synthetic responses): what a demo or a test starts from, never what the " +
        "runtime decides with. Only the db seeds, the server's demo loader (bootstrap.ts: the " +
        "demo, and the subdivisions a federation starts with), tests and tooling (e2e, benches) " +
        "may import it, so that no edition silently falls back to the 2026 data.",
      severity: "error",
      from: {
        pathNot: [
          "^packages/reference/",
          "^packages/db/src/seed/",
          "^apps/server/src/bootstrap\\.ts$",
          "^tooling/",
          ...TEST_CODE,
        ],
      },
      to: { path: workspace("reference") },
    },
    {
      name: "router-not-router",
      comment:
        "A router is the thin HTTP edge of one area: what two routers share is a use case or a " +
        "schema, and belongs in packages/api/src (services/, or a helper module) or in the " +
        "domain. Tests may import whichever router helpers they need.",
      severity: "error",
      from: { path: "^packages/api/src/routers/", pathNot: TEST_FILE },
      to: { path: "^packages/api/src/routers/" },
    },
    {
      name: "no-relative-cross-package",
      comment:
        "Another workspace package is imported by its name (@tribune/x, or a subpath its " +
        "package.json exports), never by a relative path into its source: the name makes the " +
        "dependency visible in package.json and goes through the package's public exports.",
      severity: "error",
      from: { path: "^(apps|packages|tooling)/([^/]+)/" },
      to: {
        dependencyTypes: ["local"],
        pathNot: "^$1/$2/",
      },
    },
    {
      name: "no-runtime-cycle",
      comment:
        "A cycle of runtime imports within the tree makes module initialisation order matter " +
        "(a value read before it is defined). Cycles through `import type` only are erased at " +
        "compile time and are allowed (apps/dashboard: client.ts ↔ reauth.ts).",
      severity: "error",
      from: { path: "^(apps|packages|tooling)/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    // The packages' own node_modules links are followed to their source; npm packages are not.
    doNotFollow: { path: "node_modules" },
    // Build output and browser-test artifacts of the workspace (not node_modules' dist folders).
    exclude: { path: "^(apps|packages|tooling)/[^/]+/(dist|artifacts|\\.turbo)/" },
    // Sees `import type` too, so that the type-only rules can tell them apart.
    tsPreCompilationDeps: true,
    skipAnalysisNotInRules: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".jsx"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

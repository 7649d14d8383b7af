// `pnpm build` of the server: the HTTP server, the `tribune` CLI and the press-kit render worker,
// bundled with the workspace packages (npm packages stay in node_modules). The bundles run in
// the repository: the built admin (../admin/dist) and the migrations (packages/db/drizzle) are
// read where they are. The renderer starts its worker from ./worker-entry.mjs beside itself.
import { bundleApp } from "@tribune/build";

await bundleApp({
  app: import.meta.dirname,
  mode: "monorepo",
  extension: ".mjs",
  entries: {
    server: "src/main.ts",
    cli: "src/cli/main.ts",
    "worker-entry": "src/press-kit/worker.ts",
  },
  launchers: { main: "server" },
});

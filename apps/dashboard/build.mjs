// `pnpm build` of the dashboard: one minified file with the workspace packages and the npm
// dependencies inside (apps/dashboard/dist/main.js), and dist/package.json for
// `pnpm --filter @tribune/dashboard pack` (publishConfig.directory) — a tarball that installs on
// a laptop with npm alone.
import { bundleApp } from "@tribune/build";

await bundleApp({
  app: import.meta.dirname,
  mode: "package",
  entries: { main: "src/main.tsx" },
  bin: { "tribune-dashboard": "main" },
  // Ink loads React's devtools only when DEV=true; the packed dashboard goes without.
  stubs: ["react-devtools-core"],
});

// `pnpm build` of the press-kit CLI: one minified file with the workspace packages and the npm
// dependencies inside (apps/dossier/dist/main.js), and dist/package.json for
// `pnpm --filter @tribune/dossier pack` (publishConfig.directory) — a tarball that installs on a
// laptop with npm alone. The server lays the PDF out: react-pdf is not part of it.
import { bundleApp } from "@tribune/build";

await bundleApp({
  app: import.meta.dirname,
  mode: "package",
  entries: { main: "src/main.ts" },
  bin: { "tribune-dossier": "main" },
});

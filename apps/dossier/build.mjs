// `pnpm build` of the press-kit CLI: one minified file with the workspace packages and the npm
// dependencies inside (apps/dossier/dist/main.js), and dist/package.json for
// `pnpm --filter @tribune/dossier pack` (publishConfig.directory) — a tarball that installs on a
// laptop with npm alone.
import { bundleApp } from "@tribune/build";

await bundleApp({
  app: import.meta.dirname,
  mode: "package",
  entries: { main: "src/main.ts" },
  bin: { "tribune-dossier": "main" },
  // react-pdf's pdfkit loads its standard fonts with a require() of its own (createRequire), which
  // no bundle can follow: react-pdf stays an npm dependency, with the React it renders with.
  external: ["@react-pdf/renderer", "react"],
  // The press kit reads its fonts' .woff files from these packages (require.resolve).
  runtimeDependencies: {
    "@fontsource/inter": "packages/press-kit",
    "@fontsource/source-serif-4": "packages/press-kit",
  },
});

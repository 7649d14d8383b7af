// Bundles an app of the workspace with esbuild: its own sources and the workspace packages it
// imports (@tribune/*, which ship TypeScript) go into one ESM bundle, so that node starts it
// without compiling anything. Used by apps/{server,dashboard,dossier}/build.mjs.
//
// Two modes:
// - "monorepo" (the server): the bundle runs inside the repository. npm packages stay external
//   and are loaded from node_modules, each as its importer would load it (by the path of the
//   resolved file: the app need not repeat the dependencies of the packages it bundles). A
//   workspace module that finds a file next to itself (`new URL("../drizzle", import.meta.url)`,
//   `createRequire(import.meta.url)` for the fonts) still does so from its own folder: its
//   `import.meta.url` is rewritten to its source's address. A new install (pnpm-lock.yaml)
//   calls for a new build (fresh.mjs sees it).
// - "package" (dashboard, dossier): the bundle is packed and installed on a laptop. npm packages
//   are bundled too (minified, React in production mode): a few files to load at start instead
//   of hundreds, tree-shaken (date-fns), and a tarball with no dependency to fetch. dist/ gets a
//   package.json of its own (name, version, bin) that `pnpm pack` uses through
//   publishConfig.directory, with no workspace package in it.
import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** What fresh.mjs compares with the sources: the files the last build read. */
export const INPUTS_FILE = "build-inputs.json";

const BUILTINS = new Set(builtinModules);
const LOADERS = {
  ".ts": "ts",
  ".tsx": "tsx",
  ".mts": "ts",
  ".js": "js",
  ".mjs": "js",
  ".jsx": "jsx",
};
const posix = (path) => path.split(sep).join("/");

/** "@scope/name/sub/path" → "@scope/name"; "name/sub" → "name". */
const packageName = (specifier) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

/**
 * Node built-ins stay external; workspace packages are bundled; npm packages are bundled too in
 * package mode, and in place (monorepo mode) imported by the path of the file their importer
 * would load (`../../../node_modules/.pnpm/…`), the exact version it was installed with.
 */
function externalsPlugin({ inPlace, outdir, stubs }) {
  return {
    name: "tribune-externals",
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        const name = packageName(args.path);
        if (args.path.startsWith("node:") || BUILTINS.has(name)) return { external: true };
        if (stubs.includes(name)) return { path: name, namespace: "tribune-stub" };
        if (!inPlace || name.startsWith("@tribune/") || args.pluginData?.resolving)
          return undefined;
        const { path, errors } = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: { resolving: true },
        });
        if (errors.length > 0) return { errors };
        return { path: posix(relative(outdir, path)), external: true };
      });
      b.onLoad({ filter: /.*/, namespace: "tribune-stub" }, () => ({
        contents: "export default {};",
        loader: "js",
      }));
    },
  };
}

/** Monorepo mode: a workspace module's `import.meta.url` stays its source file's address. */
function inPlacePlugin(appDir, outdir) {
  return {
    name: "tribune-in-place",
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        if (args.path.startsWith(appDir + sep) || args.path.includes(`${sep}node_modules${sep}`))
          return undefined;
        const source = await readFile(args.path, "utf8");
        if (!source.includes("import.meta.url")) return undefined;
        const fromBundle = posix(relative(outdir, args.path));
        return {
          contents: source.replaceAll(
            "import.meta.url",
            `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
          ),
          loader: LOADERS[extname(args.path)] ?? "js",
        };
      });
    },
  };
}

/**
 * @param {object} options
 * @param {string} options.app the app's folder (its build.mjs's `import.meta.dirname`)
 * @param {Record<string, string>} options.entries output name (without extension) → source, from the app's folder
 * @param {"monorepo" | "package"} options.mode
 * @param {string} [options.extension] of every output file: ".js" (default) or ".mjs"
 * @param {Record<string, string>} [options.launchers] output name → the entry it starts in
 *   production mode (NODE_ENV set before React loads from node_modules, which an import cannot do)
 * @param {Record<string, string>} [options.bin] command → output name (package mode)
 * @param {string[]} [options.stubs] npm packages replaced by an empty module: optional
 *   development tools imported statically by a dependency (Ink's react-devtools-core)
 */
export async function bundleApp({
  app,
  entries,
  mode,
  extension = ".js",
  launchers = {},
  bin = {},
  stubs = [],
}) {
  const started = performance.now();
  const packaged = mode === "package";
  const appDir = resolve(app);
  const outdir = join(appDir, "dist");
  const manifest = JSON.parse(readFileSync(join(appDir, "package.json"), "utf8"));
  rmSync(outdir, { recursive: true, force: true });

  const result = await build({
    absWorkingDir: appDir,
    entryPoints: Object.entries(entries).map(([out, source]) => ({ in: source, out })),
    outdir,
    outExtension: { ".js": extension },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    jsx: "automatic",
    // Chunks beside the entries: a rewritten import.meta.url is relative to the output folder.
    chunkNames: "chunk-[hash]",
    sourcemap: packaged ? false : "linked",
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
    ...(packaged && {
      minify: true,
      define: { "process.env.NODE_ENV": JSON.stringify("production") },
      banner: {
        js: [
          "#!/usr/bin/env node",
          // Bundled CommonJS dependencies require() Node's built-ins.
          'import { createRequire as __tribuneRequire } from "node:module";',
          "const require = __tribuneRequire(import.meta.url);",
        ].join("\n"),
      },
    }),
    plugins: [
      externalsPlugin({ inPlace: !packaged, outdir, stubs }),
      ...(packaged ? [] : [inPlacePlugin(appDir, outdir)]),
    ],
  });

  for (const [name, entry] of Object.entries(launchers)) {
    writeFileSync(
      join(outdir, `${name}${extension}`),
      [
        "#!/usr/bin/env node",
        "// Production mode before React and its renderers load: they read NODE_ENV once, at import.",
        'process.env.NODE_ENV ??= "production";',
        `await import("./${entry}${extension}");`,
        "",
      ].join("\n"),
      { mode: 0o755 },
    );
  }
  for (const out of Object.values(bin)) chmodSync(join(outdir, `${out}${extension}`), 0o755);

  if (packaged) writePackageManifest(outdir, manifest, bin, extension);

  const inputs = [
    ...Object.keys(result.metafile.inputs)
      .map((input) => resolve(appDir, input))
      .filter((input) => !input.includes(`${sep}node_modules${sep}`)),
    join(appDir, "build.mjs"),
    join(appDir, "package.json"),
    join(REPO_ROOT, "pnpm-lock.yaml"),
    fileURLToPath(import.meta.url),
  ].map((input) => posix(relative(REPO_ROOT, input)));
  writeFileSync(join(outdir, INPUTS_FILE), `${JSON.stringify([...new Set(inputs)], null, 1)}\n`);

  const size = Object.entries(result.metafile.outputs)
    .filter(([file]) => !file.endsWith(".map"))
    .reduce((total, [, output]) => total + output.bytes, 0);
  console.error(
    `${manifest.name}: ${posix(relative(REPO_ROOT, outdir))} (${(size / 1024).toFixed(0)} KiB) ` +
      `in ${(performance.now() - started).toFixed(0)} ms`,
  );
}

/** dist/package.json: what `npm i -g` of the packed tarball needs, and nothing of the workspace. */
function writePackageManifest(outdir, manifest, bin, extension) {
  const packed = {
    name: manifest.name,
    version: manifest.version,
    description: manifest.description,
    // Installed from its tarball, never published to a registry.
    private: true,
    type: "module",
    bin: Object.fromEntries(
      Object.entries(bin).map(([command, out]) => [command, `./${out}${extension}`]),
    ),
    engines: manifest.engines,
    // The bundles only: not build-inputs.json, which serves fresh.mjs in the repository.
    files: [`*${extension}`],
  };
  writeFileSync(join(outdir, "package.json"), `${JSON.stringify(packed, null, 2)}\n`);
}

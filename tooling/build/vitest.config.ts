import { defineConfig } from "vitest/config";

// The pack test builds, packs and installs two tarballs (npm fetches the dossier's react-pdf)
// while a server starts: tens of seconds, more on a busy machine.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 240_000 } });

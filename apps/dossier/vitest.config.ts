import { defineConfig } from "vitest/config";

// The suite starts the real server (tsx, PGlite initdb, argon2) and runs the CLI, which renders.
export default defineConfig({
  test: { hookTimeout: 90_000, testTimeout: 90_000 },
});

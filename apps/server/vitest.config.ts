import { defineConfig } from "vitest/config";

// Some suites spawn the real server and CLI (tsx start-up, PGlite initdb, argon2 hashing):
// seconds each, more on a loaded machine.
export default defineConfig({
  test: { hookTimeout: 120_000, testTimeout: 90_000 },
});

import { defineConfig } from "vitest/config";

// Each file opens its own PGlite (1–2 s) or PostgreSQL database in beforeAll: seconds on a
// quiet machine, much more when other suites run beside it (turbo runs two packages at once).
export default defineConfig({
  test: { hookTimeout: 120_000, testTimeout: 60_000 },
});

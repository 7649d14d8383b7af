import { defineConfig } from "vitest/config";

// Each file opens its own PGlite (1–2 s) or PostgreSQL database in beforeAll.
export default defineConfig({
  test: { hookTimeout: 30_000, testTimeout: 30_000 },
});

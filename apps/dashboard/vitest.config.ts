import { defineConfig } from "vitest/config";

// One suite starts the real server (tsx, PGlite initdb, argon2) and runs the dashboard.
export default defineConfig({
  test: { hookTimeout: 90_000, testTimeout: 90_000 },
});

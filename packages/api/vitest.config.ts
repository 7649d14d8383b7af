import { defineConfig } from "vitest/config";

// Each file opens its own PGlite (1–2 s) or PostgreSQL database in beforeAll, and hashes a
// password per role (argon2, deliberately slow): too much for the 10 s default on a busy machine.
export default defineConfig({
  test: { hookTimeout: 120_000, testTimeout: 60_000 },
});

import { defineConfig } from "vitest/config";

// A render takes about a second (more on a busy machine); each suite renders once or twice.
export default defineConfig({
  test: { hookTimeout: 60_000, testTimeout: 60_000 },
});

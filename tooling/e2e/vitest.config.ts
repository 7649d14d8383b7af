import { defineConfig } from "vitest/config";

// Browser tests: one real server and one Chromium per file, files one after the other.
export default defineConfig({
  test: {
    include: ["specs/**/*.e2e.ts"],
    globalSetup: ["./src/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});

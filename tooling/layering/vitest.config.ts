import { defineConfig } from "vitest/config";

// Each test runs dependency-cruiser over a tree: seconds, more on a busy machine.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 30_000 } });

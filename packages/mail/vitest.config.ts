import { defineConfig } from "vitest/config";

// Rendering a message (React, a QR code, a calendar) takes milliseconds; the first import more.
export default defineConfig({
  test: { hookTimeout: 60_000, testTimeout: 60_000 },
});

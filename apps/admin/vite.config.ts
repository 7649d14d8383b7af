import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const server = process.env.TRIBUNE_API ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  // The dev proxy presents itself with the API's origin, which the server's CSRF check expects.
  server: {
    proxy: {
      "/trpc": { target: server, changeOrigin: true, headers: { origin: server } },
      "/api": { target: server, changeOrigin: true },
    },
  },
  // The budget that matters is gzip size of the initial JS, measured by
  // tooling/scripts/bench-admin.mjs (≈160 KB of 250); Vite's raw-size warning is noise here.
  build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 700 },
  test: { environment: "happy-dom", globals: false, setupFiles: ["./src/testing/setup.ts"] },
});

import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const server = process.env.TRIBUNE_API ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/trpc": server, "/api": server } },
  build: { target: "es2022", sourcemap: false },
  test: { environment: "happy-dom", globals: false },
});

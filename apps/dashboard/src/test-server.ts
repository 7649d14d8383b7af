import { type Run, runTsx } from "@tribune/cli-kit/testing";

export {
  DEMO_PASSWORD,
  freePort,
  type Run,
  startServer,
  stopServer,
} from "@tribune/cli-kit/testing";

/** Runs the dashboard as `pnpm dashboard` does (tsx, from the repository root). */
export const dashboard = (args: string[], env: Record<string, string>): Promise<Run> =>
  runTsx("apps/dashboard/src/main.tsx", args, {
    TSX_TSCONFIG_PATH: "apps/dashboard/tsconfig.json",
    ...env,
  });

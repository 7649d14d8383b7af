import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";

/** The only place the dashboard reads process.env. */
const Env = z.object({
  /** A bureau (or admin) account; asked on the terminal when absent. */
  TRIBUNE_EMAIL: z
    .email({ error: "TRIBUNE_EMAIL n'est pas une adresse e-mail valide." })
    .optional(),
  TRIBUNE_PASSWORD: z.string().min(1).optional(),
  XDG_CONFIG_HOME: z.string().min(1).optional(),
  HOME: z.string().optional(),
  /** Set by the bench script: the time to the first frame is printed on stderr. */
  TRIBUNE_DASHBOARD_BENCH: z.string().optional(),
});

export type DashboardEnv = z.infer<typeof Env>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): DashboardEnv {
  return Env.parse(source);
}

/** Where the session token is kept: $XDG_CONFIG_HOME/tribune/session.json, else ~/.config. */
export function sessionFile(env: DashboardEnv): string {
  const base = env.XDG_CONFIG_HOME ?? join(env.HOME ?? homedir(), ".config");
  return join(base, "tribune", "session.json");
}

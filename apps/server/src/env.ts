import { resolve } from "node:path";
import { z } from "zod";

/** The only place that reads process.env for the server and the accounts CLI. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  TRIBUNE_DATA_DIR: z.string().default(".data"),
  /** The address users reach; an https:// URL turns on Secure, __Host- cookies. */
  TRIBUNE_PUBLIC_URL: z.string().url().optional(),
  /**
   * The demo (the 2026 congress, demo accounts, synthetic responses): `on` loads it on any
   * database (browser tests, benches), `off` never. Unset: on an embedded (PGlite) database
   * with no account yet, never on PostgreSQL — a production database starts empty.
   */
  TRIBUNE_DEMO: z.enum(["on", "off"], { error: "TRIBUNE_DEMO vaut on ou off." }).optional(),
  /** Gives every demo account this password instead of a random one (demos, browser tests). */
  TRIBUNE_DEMO_PASSWORD: z.string().min(12).optional(),
  /**
   * `off` lifts the per-address allowances of the public pages (registration, codes, surveys):
   * for load benches from one address only, never in production.
   */
  TRIBUNE_RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  /** Reverse proxies in front of the server, so that rate limits see clients, not the proxy. */
  TRIBUNE_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /**
   * Where e-mail leaves: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465.
   * Unset: every message is written as an .eml file under $TRIBUNE_DATA_DIR/outbox/.
   */
  TRIBUNE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, { error: "TRIBUNE_SMTP_URL commence par smtp:// ou smtps://." })
    .optional(),
  /** The sender of every message: an address, or « Nom <adresse> ». */
  TRIBUNE_MAIL_FROM: z
    .string()
    .regex(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/, {
      error: "TRIBUNE_MAIL_FROM est une adresse, ou « Nom <adresse> ».",
    })
    .default("Tribune <ne-pas-repondre@tribune.invalid>"),
  /** `pnpm …` runs scripts inside the package: INIT_CWD is where the user typed the command. */
  INIT_CWD: z.string().optional(),
});

export type ServerEnv = z.infer<typeof Env> & { dataDir: string };

export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const env = Env.parse(source);
  const base = env.INIT_CWD ?? process.cwd();
  return { ...env, dataDir: resolve(base, env.TRIBUNE_DATA_DIR) };
}

export const databaseTarget = (env: ServerEnv) =>
  env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.dataDir };

/** Whether this start loads the demo (see TRIBUNE_DEMO). */
export const demoChoice = (env: ServerEnv, kind: "pglite" | "postgres"): boolean | "if-empty" =>
  env.TRIBUNE_DEMO === "on"
    ? true
    : env.TRIBUNE_DEMO === "off" || kind === "postgres"
      ? false
      : "if-empty";

/** Where e-mail leaves: an SMTP server, or .eml files in the data directory (see mail/transport.ts). */
export const mailTarget = (env: ServerEnv) =>
  env.TRIBUNE_SMTP_URL
    ? { smtpUrl: env.TRIBUNE_SMTP_URL, from: env.TRIBUNE_MAIL_FROM }
    : { directory: resolve(env.dataDir, "outbox"), from: env.TRIBUNE_MAIL_FROM };

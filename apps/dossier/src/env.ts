import { isAbsolute, resolve } from "node:path";
import { z } from "zod";

/** The only place the dossier CLI reads process.env. */
const Env = z.object({
  /** A press (or bureau, admin) account; asked on the terminal when absent. */
  TRIBUNE_EMAIL: z
    .email({ error: "TRIBUNE_EMAIL n'est pas une adresse e-mail valide." })
    .optional(),
  TRIBUNE_PASSWORD: z.string().min(1).optional(),
  /** `pnpm dossier …` runs in the repository root: INIT_CWD is where the user typed it. */
  INIT_CWD: z.string().optional(),
});

export type DossierEnv = z.infer<typeof Env>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): DossierEnv {
  return Env.parse(source);
}

/** An output path as the user meant it: relative to the folder they typed the command in. */
export const outputPath = (env: DossierEnv, path: string) =>
  isAbsolute(path) ? path : resolve(env.INIT_CWD ?? process.cwd(), path);

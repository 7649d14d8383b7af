import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";

const Stored = z.object({
  server: z.string(),
  email: z.string(),
  cookies: z.record(z.string(), z.string()),
});
type Stored = z.infer<typeof Stored>;

/** The stored session cookies for this server, or an empty jar (missing or unreadable file). */
export async function loadSession(file: string, server: string): Promise<Map<string, string>> {
  try {
    const stored = Stored.parse(JSON.parse(await readFile(file, "utf8")));
    if (stored.server !== server) return new Map();
    return new Map(Object.entries(stored.cookies));
  } catch {
    return new Map();
  }
}

/** Writes the session cookies, readable by the owner only (0600, folder 0700). */
export async function saveSession(file: string, value: Stored): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}

export async function forgetSession(file: string): Promise<void> {
  await rm(file, { force: true });
}

export const jarToRecord = (jar: Map<string, string>) => Object.fromEntries(jar);

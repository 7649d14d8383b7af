import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `La base embarquée ${dataDir} est déjà ouverte par le processus ${pid}. ` +
        "PGlite ne sert qu'un processus à la fois : arrêtez l'autre serveur (ou la commande en cours), " +
        "ou utilisez PostgreSQL (DATABASE_URL=postgres://…) pour plusieurs instances.",
    );
    this.name = "DataDirInUseError";
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * PGlite's files are not safe to open from two processes: a pid file refuses the second one.
 * A lock left by a crashed process (its pid no longer alive) is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const path = join(dataDir, "tribune.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(path, "utf8"));
      if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirInUseError(dataDir, pid);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Impossible de verrouiller ${path}.`);
}

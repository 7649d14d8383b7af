import { closeSync, existsSync, fsyncSync, openSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

/**
 * PGlite on a folder, durable. Out of the box PGlite starts PostgreSQL with `-F` (fsync off),
 * and even without it the Emscripten file system it writes through (NODEFS) turns PostgreSQL's
 * fsync() and fdatasync() into no-ops: a commit reaches the operating system's page cache (it
 * survives `kill -9`) but not the disk (a power loss can take the last seconds of commits, or
 * leave a torn data folder). Here PostgreSQL runs with fsync on and syncs its WAL with fsync(),
 * which this file system hands to the disk with Node's fsyncSync: a commit is acknowledged once
 * its WAL record is on disk, and checkpoints sync the data files, as on a real server.
 */
class DurableNodeFS extends NodeFS {
  /** fsync() calls handed to the disk: diagnostics and tests. */
  syncs = 0;
  /** initdb just filled the folder: its files reach the disk once, at the first sync point. */
  #fresh: boolean;

  constructor(dataDir: string) {
    super(dataDir);
    this.#fresh = !existsSync(join(dataDir, "PG_VERSION"));
  }

  override async init(pg: PGlite, options: Parameters<NodeFS["init"]>[1]) {
    const { emscriptenOpts } = await super.init(pg, options);
    const syncToDisk = (mod: { NODEFS: unknown }) => {
      const nodefs = mod.NODEFS as {
        stream_ops?: Record<string, unknown>;
        tryFSOperation?: (operation: () => void) => void;
      };
      const { stream_ops: streamOps, tryFSOperation } = nodefs;
      // Written against PGlite 0.5's Emscripten build: refuse to start, rather than run
      // without durability, if a later version no longer has what this relies on.
      if (!streamOps || typeof tryFSOperation !== "function")
        throw new Error("PGlite : système de fichiers inattendu, fsync impossible à activer.");
      streamOps.fsync = (stream: { nfd?: number }) => {
        const fd = stream.nfd;
        if (fd === undefined) return 0;
        tryFSOperation(() => fsyncSync(fd));
        this.syncs += 1;
        return 0;
      };
    };
    return {
      emscriptenOpts: {
        ...emscriptenOpts,
        preRun: [...(emscriptenOpts.preRun ?? []), syncToDisk],
      },
    };
  }

  /** PGlite calls this after initdb and after every query: a no-op once the folder is synced. */
  override async syncToFs(relaxedDurability?: boolean): Promise<void> {
    await super.syncToFs(relaxedDurability);
    if (!this.#fresh) return;
    this.#fresh = false;
    this.syncs += syncTree(this.rootDir);
  }
}

/** fsyncs every file and folder under `dir`; returns how many. */
function syncTree(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) count += syncTree(path);
    else if (entry.isFile()) count += syncPath(path);
  }
  return count + syncPath(dir);
}

function syncPath(path: string): number {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return 1;
}

/**
 * PGlite's options for a data folder. `fsync: false` is PGlite's default (faster, for benches
 * only); the server always runs with fsync on.
 */
export function pgliteOptions(dataDir: string, { fsync = true } = {}): PGliteOptions {
  if (!fsync) return { dataDir };
  return {
    fs: new DurableNodeFS(dataDir),
    startParams: [
      ...PGlite.defaultStartParams.filter((param) => param !== "-F"),
      "-c",
      "fsync=on",
      "-c",
      "wal_sync_method=fsync",
    ],
  };
}

/** How many fsync() calls a PGlite opened with `pgliteOptions` has handed to the disk. */
export function pgliteDiskSyncs(client: PGlite): number {
  return client.fs instanceof DurableNodeFS ? client.fs.syncs : 0;
}

#!/usr/bin/env -S node --import tsx
/**
 * What PGlite's fsync costs: --count self-registrations (default 500), one after the other as
 * `registration.register` runs them (idempotency key, quota lock, audit entry: one commit
 * each), on a PGlite data folder opened as the server opens it (fsync on) and as PGlite does
 * by default (fsync off). Prints both timings and their ratio. The disk decides: an SSD with a
 * write cache syncs in well under a millisecond, a busy or network disk in several.
 *
 *   pnpm exec tsx tooling/scripts/bench-fsync.ts [--count 500]
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
  options: { count: { type: "string", default: "500" } },
});
const COUNT = Number(options.count);
// Run as CommonJS by tsx (this package has no "type"): no import.meta, no top-level await.
const ROOT = resolve(dirname(process.argv[1] ?? "."), "../..");

async function main() {
  // PGlite and drizzle at the versions the database package pins (pnpm links both packages to
  // the same module instances).
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const schema = await import("@tribune/db/schema");
  const { setEditionCapacity } = await import("@tribune/db/repos/registrations");
  const { seedReferenceEdition } = await import("@tribune/db/seed");
  const { pgliteOptions, pgliteDiskSyncs } = await import("@tribune/db/pglite-durable");
  const { createCaller } = await import("@tribune/api");
  const reference = await import("@tribune/reference");
  const editionId = reference.referenceProgramme2026().edition.id;
  const subdivisionId = reference.referenceSubdivision("dijon").id;

  async function open(fsync: boolean) {
    const dataDir = mkdtempSync(join(tmpdir(), "tribune-bench-fsync-"));
    const client = new PGlite(pgliteOptions(dataDir, { fsync }));
    const pglite = drizzle({ client, schema });
    await migrate(pglite, { migrationsFolder: join(ROOT, "packages/db/drizzle") });
    const database = pglite as unknown as import("@tribune/db").Database;
    await seedReferenceEdition(database);
    await setEditionCapacity(database, editionId, null);
    const caller = createCaller({
      db: database,
      actor: null,
      clientIp: "bench",
      cookies: { token: null, issue() {}, clear() {} },
    });
    let serial = 0;
    const result = { label: fsync ? "fsync on" : "fsync off", ms: 0, syncs: 0 };
    return {
      result,
      /** Registers `n` people one after the other; adds the time and the disk syncs. */
      async register(n: number) {
        const syncsBefore = pgliteDiskSyncs(client);
        const started = performance.now();
        for (let i = 0; i < n; i++) {
          serial += 1;
          await caller.registration.register({
            editionId,
            firstName: "Bench",
            lastName: `Interne ${serial}`,
            email: `fsync.${serial}@bench.example`,
            subdivisionId,
            idempotencyKey: `fsync-${serial}-${randomBytes(4).toString("hex")}`,
          });
        }
        result.ms += performance.now() - started;
        result.syncs += pgliteDiskSyncs(client) - syncsBefore;
      },
      async close() {
        await client.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  console.log(`PGlite, ${COUNT} registrations one after the other (data folder in ${tmpdir()})`);
  const off = await open(false);
  const on = await open(true);
  try {
    // Alternating batches, so that a change in the machine's load weighs on both alike.
    const BATCH = 25;
    for (let done = 0; done < COUNT; done += BATCH) {
      const n = Math.min(BATCH, COUNT - done);
      await off.register(n);
      await on.register(n);
    }
  } finally {
    await off.close();
    await on.close();
  }
  for (const r of [off.result, on.result])
    console.log(
      `  ${r.label.padEnd(10)} ${r.ms.toFixed(0).padStart(7)} ms  ${(r.ms / COUNT).toFixed(2).padStart(6)} ms/registration  ${String(r.syncs).padStart(6)} disk syncs`,
    );
  console.log(`  ratio      ${(on.result.ms / off.result.ms).toFixed(2)}× (on / off)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { openDatabase } from "@tribune/db";
import { referenceSubdivision } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import { EDITION_2026, rejection, useSeededApi } from "../../test-support";

/**
 * Archiving and a change to the edition's data at the same moment, on PostgreSQL (PGlite runs
 * one transaction at a time, so there is no race there): the change waits for the archive and
 * is then refused; it never commits into an edition archived meanwhile.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("archiving while a change runs", () => {
  const api = useSeededApi("postgres");

  it("a registration by hand waits for a concurrent archive, then is refused as locked", async () => {
    const other = await openDatabase({ url: api.url as string });
    const pool = other.pool as NonNullable<typeof other.pool>;
    const archive = await pool.connect();
    try {
      // The archive as its service runs it: the edition's row stamped, not committed yet.
      await archive.query("begin");
      await archive.query("update editions set archived_at = now() where id = $1", [EDITION_2026]);

      const organiser = await api.callerAs("organiser");
      const registering = rejection(
        organiser.registration.create({
          editionId: EDITION_2026,
          firstName: "Léa",
          lastName: "Tardive",
          email: "lea.tardive@exemple.fr",
          subdivisionId: referenceSubdivision("lille").id,
          meals: false,
          gala: false,
        }),
      );
      // The registration waits on the edition's row instead of reading past the archive…
      await waitUntil(async () => (await lockWaits(pool)) === 1);
      await archive.query("commit");
      // …and, once the archive committed, sees it.
      expect((await registering).data).toMatchObject({ code: "CONFLICT" });
      expect((await registering).message).toMatch(/archivée/);
    } finally {
      archive.release();
      await other.close();
    }
  });
});

/** How many backends of this database wait for a row lock. */
async function lockWaits(pool: { query: (text: string) => Promise<{ rows: unknown[] }> }) {
  const { rows } = await pool.query(
    "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
  );
  return (rows[0] as { n: number }).n;
}

/** Polls `condition` until it holds (a row lock is taken within milliseconds); fails after 20 s. */
async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("waitUntil: the condition never held");
}

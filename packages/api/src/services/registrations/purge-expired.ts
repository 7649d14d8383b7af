import { listEditions } from "@tribune/db/repos/editions";
import {
  purgeAlreadyDone,
  purgedEditionIds,
  replaceRegistrationsByTallies,
} from "@tribune/db/repos/retention";
import {
  editionsPastRetention,
  type PurgeReport,
  personalDataKeptUntil,
} from "@tribune/domain/union";
import { change, clockOf, type ServiceContext } from "../kit";

/**
 * Keeps the registration form's promise (PrivacyNotice): one year after a congress, its
 * registrations become counts per subdivision and status, and the people go — their sign-ups,
 * the messages written to them, the audit log's copies of their data. One transaction per
 * edition: a crash leaves an edition either untouched or purged, and a second instance running
 * the same job waits on the edition's lock, then finds it done. `dryRun` reports without writing.
 */
export async function purgeExpiredPersonalData(
  ctx: ServiceContext,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<PurgeReport[]> {
  const due = editionsPastRetention(
    await listEditions(ctx.db),
    await purgedEditionIds(ctx.db),
    clockOf(ctx).now(),
  );
  const reports: PurgeReport[] = [];
  for (const edition of due) {
    const keptUntil = personalDataKeptUntil(edition.lastDay);
    const report = await change(ctx, async (tx, effects) => {
      if (await purgeAlreadyDone(tx, edition.id)) return null;
      const counts = await replaceRegistrationsByTallies(tx, edition.id);
      const done: PurgeReport = { editionId: edition.id, year: edition.year, keptUntil, ...counts };
      if (dryRun) throw new DryRun(done);
      await effects.audit({
        entity: "edition",
        entityId: edition.id,
        action: "purge",
        after: { keptUntil, ...counts },
      });
      effects.publish({ type: "registrations.changed", editionId: edition.id, subdivisionIds: [] });
      return done;
    }).catch((error: unknown) => {
      if (error instanceof DryRun) return error.report;
      throw error;
    });
    if (report) reports.push(report);
  }
  return reports;
}

/** Rolls a dry run's transaction back once it has counted what it would remove. */
class DryRun extends Error {
  constructor(readonly report: PurgeReport) {
    super("dry run");
  }
}

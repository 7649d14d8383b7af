import { findEdition } from "@tribune/db/repos/editions";
import { liveCounts } from "@tribune/db/repos/registrations";
import type { LiveCounts } from "@tribune/domain/union";
import { found } from "../../found";
import { editionChanges, whileUnavailable } from "../../live";
import type { ServiceContext } from "../kit";

/** Emits nothing more often than this while changes keep coming (a burst of check-ins). */
const LIVE_COALESCE_MS = 200;

/**
 * Live counts per subdivision: a snapshot at once, then a fresh one after every burst of
 * changes to the edition's registrations (never per check-in), from this server or, on
 * PostgreSQL, any other instance; an outage is waited out.
 */
export async function* watchCounts(
  ctx: ServiceContext,
  { editionId }: { editionId: string },
  signal: AbortSignal | undefined,
): AsyncGenerator<LiveCounts> {
  found(await findEdition(ctx.db, editionId), "Édition");
  const changes = editionChanges(ctx, "registrations.changed", editionId, signal, LIVE_COALESCE_MS);
  for await (const _ of changes)
    yield await whileUnavailable(() => liveCounts(ctx.db, editionId), signal);
}

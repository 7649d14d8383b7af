import { findEdition } from "@tribune/db/repos/editions";
import { PROGRAMME_LABELS } from "@tribune/domain/congress";
import type { ProgrammeChange, ProgrammeQuery } from "@tribune/domain/schedule";
import { found } from "../../found";
import { editionChanges } from "../../live";
import type { ServiceContext } from "../kit";

/**
 * The changes of an edition's programme as they happen: "subscribed" on every (re)connection,
 * "changed" after a session, room or the programme changed, on any instance. An unknown
 * edition is refused before the stream starts (not_found, not a broken stream).
 */
export async function programmeChanges(
  ctx: ServiceContext,
  { editionId }: ProgrammeQuery,
  signal: AbortSignal | undefined,
): Promise<AsyncGenerator<ProgrammeChange>> {
  found(await findEdition(ctx.db, editionId), PROGRAMME_LABELS.edition);
  const changes = editionChanges(ctx, "programme.changed", editionId, signal);
  return (async function* () {
    for await (const reason of changes) yield { editionId, reason };
  })();
}

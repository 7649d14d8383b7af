import type { Executor } from "@tribune/db";
import { findEdition } from "@tribune/db/repos/editions";
import { listPartners, listSpeakers } from "@tribune/db/repos/people";
import { listRooms } from "@tribune/db/repos/rooms";
import { listSessions } from "@tribune/db/repos/sessions";
import { type KnownReferences, PROGRAMME_LABELS } from "@tribune/domain/congress";
import type { ScheduleData } from "@tribune/domain/schedule";
import { found } from "../../found";

/** Everything the conflict finder and the grid need for one edition. */
export async function loadSchedule(
  db: Executor,
  editionId: string,
  { publishedOnly = false } = {},
): Promise<ScheduleData> {
  const edition = found(await findEdition(db, editionId), PROGRAMME_LABELS.edition);
  // One after another: `db` may be a transaction, whose single connection runs one query at a time.
  const rooms = await listRooms(db, editionId);
  const sessions = await listSessions(db, editionId, { publishedOnly });
  const speakers = await listSpeakers(db);
  return { edition, rooms, sessions, speakers };
}

/** What a session of the edition may name (see `decideSessionReferences`). */
export async function knownReferences(db: Executor, editionId: string): Promise<KnownReferences> {
  const rooms = await listRooms(db, editionId);
  const speakers = await listSpeakers(db);
  const partners = await listPartners(db);
  return { rooms, speakers, partners };
}

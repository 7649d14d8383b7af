import {
  type Executor,
  findEdition,
  listPartners,
  listRooms,
  listSessions,
  listSpeakers,
} from "@tribune/db";
import { type KnownReferences, PROGRAMME_LABELS, type ScheduleData } from "@tribune/domain";
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

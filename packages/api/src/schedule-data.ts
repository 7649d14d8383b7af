import {
  type Executor,
  findEdition,
  listPartners,
  listRooms,
  listSessions,
  listSpeakers,
} from "@tribune/db";
import { DomainError, type ScheduleData, type Session } from "@tribune/domain";
import { found } from "./found";

/** Everything the conflict finder and the grid need for one edition. */
export async function loadSchedule(
  db: Executor,
  editionId: string,
  { publishedOnly = false } = {},
): Promise<ScheduleData> {
  const edition = found(await findEdition(db, editionId), "Édition");
  // One after another: `db` may be a transaction, whose single connection runs one query at a time.
  const rooms = await listRooms(db, editionId);
  const sessions = await listSessions(db, editionId, { publishedOnly });
  const speakers = await listSpeakers(db);
  return { edition, rooms, sessions, speakers };
}

/** Refuses a session naming rooms of another edition, or unknown speakers or partner. */
export async function assertReferencesExist(
  db: Executor,
  session: Omit<Session, "id">,
): Promise<void> {
  const rooms = await listRooms(db, session.editionId);
  const speakers = await listSpeakers(db);
  const partners = await listPartners(db);
  const missing = (ids: string[], known: { id: string }[]) =>
    ids.filter((id) => !known.some((k) => k.id === id));
  if (missing(session.roomIds, rooms).length > 0) {
    throw new DomainError("invalid", "Une des salles choisies n'existe pas dans cette édition.");
  }
  if (missing(session.speakerIds, speakers).length > 0) {
    throw new DomainError("invalid", "Un·e des intervenant·es choisi·es n'existe pas.");
  }
  if (session.partnerId && missing([session.partnerId], partners).length > 0) {
    throw new DomainError("invalid", "Le partenaire choisi n'existe pas.");
  }
}

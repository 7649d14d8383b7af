import { findSession, listSessions } from "@tribune/db/repos/sessions";
import { PROGRAMME_LABELS, type Session, type SessionRef } from "@tribune/domain/congress";
import type { ProgrammeQuery } from "@tribune/domain/schedule";
import { found } from "../../found";
import type { ServiceContext } from "../kit";

/** An edition's sessions, drafts included, by start. */
export const listEditionSessions = (
  ctx: ServiceContext,
  { editionId }: ProgrammeQuery,
): Promise<Session[]> => listSessions(ctx.db, editionId);

export async function getSession(ctx: ServiceContext, { id }: SessionRef): Promise<Session> {
  return found(await findSession(ctx.db, id), PROGRAMME_LABELS.session);
}

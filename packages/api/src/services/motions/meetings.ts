import { listCaMeetings } from "@tribune/db/repos/motions";
import type { CaMeeting } from "@tribune/domain/dossiers";
import type { ServiceContext } from "../kit";

/** Meetings of the Conseil d'Administration, the most recent first. */
export const listMeetings = (ctx: ServiceContext): Promise<CaMeeting[]> => listCaMeetings(ctx.db);

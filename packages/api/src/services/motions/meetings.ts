import { listCaMeetings } from "@tribune/db";
import type { CaMeeting } from "@tribune/domain";
import type { ServiceContext } from "../kit";

/** Meetings of the Conseil d'Administration, the most recent first. */
export const listMeetings = (ctx: ServiceContext): Promise<CaMeeting[]> => listCaMeetings(ctx.db);

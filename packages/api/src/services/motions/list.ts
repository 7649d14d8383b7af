import {
  listCaMeetings,
  listMotionVotes,
  listMotions as readMotions,
} from "@tribune/db/repos/motions";
import { type MotionOverview, motionResult } from "@tribune/domain/dossiers";
import { found } from "../../found";
import type { ServiceContext } from "../kit";
import { MEETING } from "./get";

/** Every motion with its meeting and its result so far, the most recent meeting first. */
export async function listMotions(ctx: ServiceContext): Promise<MotionOverview[]> {
  const [motions, meetings, votes] = await Promise.all([
    readMotions(ctx.db),
    listCaMeetings(ctx.db),
    listMotionVotes(ctx.db),
  ]);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  return motions.map((motion) => ({
    ...motion,
    meeting: found(meetingById.get(motion.meetingId), MEETING),
    result: motionResult(
      motion,
      votes.filter((v) => v.motionId === motion.id),
    ),
  }));
}

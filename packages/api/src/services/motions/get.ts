import type { Executor } from "@tribune/db";
import { findCaMeeting, findMotion, listMotionVotes } from "@tribune/db/repos/motions";
import { listSubdivisionOptions } from "@tribune/db/repos/subdivisions";
import {
  type Motion,
  type MotionDetail,
  type MotionRef,
  motionDetail,
} from "@tribune/domain/dossiers";
import { found } from "../../found";
import type { ServiceContext } from "../kit";

/** How a missing meeting or motion is named in "… introuvable." */
export const MEETING = "Conseil d'Administration";
export const MOTION = "Motion";

/** A motion with every subdivision's vote, as `db` reads it now. */
export async function detailOf(db: Executor, motion: Motion): Promise<MotionDetail> {
  const [meeting, subdivisions, votes] = await Promise.all([
    findCaMeeting(db, motion.meetingId),
    listSubdivisionOptions(db),
    listMotionVotes(db, motion.id),
  ]);
  return motionDetail(motion, found(meeting, MEETING), subdivisions, votes);
}

/** One motion with its meeting, result and every subdivision's vote. */
export async function getMotion(ctx: ServiceContext, { id }: MotionRef): Promise<MotionDetail> {
  return detailOf(ctx.db, found(await findMotion(ctx.db, id), MOTION));
}

import { findDossier } from "@tribune/db/repos/dossiers";
import {
  findCaMeeting,
  findMotion,
  listMotionVotes,
  updateMotion as writeMotion,
} from "@tribune/db/repos/motions";
import { decideMotionChange, type Motion, type MotionUpdate } from "@tribune/domain/dossiers";
import { enforce } from "@tribune/domain/kernel";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { MEETING, MOTION } from "./get";

/**
 * Changes a motion, audited. Once a subdivision has voted, its text, rule and meeting are
 * locked (see `decideMotionChange`); the title and the linked dossier stay free.
 */
export function updateMotion(ctx: ServiceContext, input: MotionUpdate): Promise<Motion> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findMotion(tx, input.id), MOTION);
    const { id: _id, ...patch } = input;
    enforce(decideMotionChange(before, patch, (await listMotionVotes(tx, input.id)).length));
    if (input.meetingId) found(await findCaMeeting(tx, input.meetingId), MEETING);
    if (input.dossierId) found(await findDossier(tx, input.dossierId), "Dossier");
    const motion = await writeMotion(tx, input);
    await effects.audit({
      entity: "motion",
      entityId: motion.id,
      action: "update",
      before,
      after: motion,
    });
    return motion;
  });
}

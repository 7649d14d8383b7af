import { findMotion, listMotionVotes, recordVote } from "@tribune/db/repos/motions";
import { findSubdivision } from "@tribune/db/repos/subdivisions";
import { decideVote, type MotionDetail, type VoteInput } from "@tribune/domain/dossiers";
import { enforce } from "@tribune/domain/kernel";
import type { Actor } from "../../context";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { detailOf, MOTION } from "./get";

/**
 * Records one subdivision's vote on a motion (a new vote replaces the previous one), audited:
 * whose vote it may be is `decideVote`'s call. Answers the motion with every vote.
 */
export function vote(
  ctx: ServiceContext & { actor: Actor },
  input: VoteInput,
): Promise<MotionDetail> {
  return change(ctx, async (tx, effects) => {
    const { subdivisionId, previous } = enforce(
      decideVote(ctx.actor, input, await listMotionVotes(tx, input.motionId)),
    );
    const motion = found(await findMotion(tx, input.motionId), MOTION);
    found(await findSubdivision(tx, subdivisionId), "Subdivision");
    await recordVote(tx, {
      motionId: motion.id,
      subdivisionId,
      choice: input.choice,
      recordedBy: ctx.actor.id,
    });
    await effects.audit({
      entity: "motion",
      entityId: motion.id,
      action: "vote",
      before: previous ? { subdivisionId, choice: previous } : null,
      after: { subdivisionId, choice: input.choice },
    });
    return detailOf(tx, motion);
  });
}

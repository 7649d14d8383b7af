import {
  deleteMotion as eraseMotion,
  findMotion,
  listMotionVotes,
} from "@tribune/db/repos/motions";
import { decideMotionDeletion, type MotionRef } from "@tribune/domain/dossiers";
import { enforce } from "@tribune/domain/kernel";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { MOTION } from "./get";

/** Deletes a motion nobody voted on (a voted one is a decision of the CA), audited. */
export function deleteMotion(ctx: ServiceContext, { id }: MotionRef): Promise<MotionRef> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findMotion(tx, id), MOTION);
    enforce(decideMotionDeletion((await listMotionVotes(tx, id)).length));
    await eraseMotion(tx, id);
    await effects.audit({ entity: "motion", entityId: id, action: "delete", before });
    return { id };
  });
}

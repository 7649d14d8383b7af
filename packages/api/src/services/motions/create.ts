import { findDossier } from "@tribune/db/repos/dossiers";
import { findCaMeeting, insertMotion } from "@tribune/db/repos/motions";
import type { Motion, MotionInput } from "@tribune/domain/dossiers";
import type { z } from "zod";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { MEETING } from "./get";

/** Tables a motion before a meeting of the CA, audited. */
export function createMotion(
  ctx: ServiceContext,
  input: z.output<typeof MotionInput>,
): Promise<Motion> {
  return change(ctx, async (tx, effects) => {
    found(await findCaMeeting(tx, input.meetingId), MEETING);
    if (input.dossierId) found(await findDossier(tx, input.dossierId), "Dossier");
    const motion = await insertMotion(tx, input);
    await effects.audit({ entity: "motion", entityId: motion.id, action: "create", after: motion });
    return motion;
  });
}

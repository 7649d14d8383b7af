import { countMotionsOf, deleteCaMeeting, findCaMeeting } from "@tribune/db/repos/motions";
import { type CaMeetingRef, decideMeetingDeletion } from "@tribune/domain/dossiers";
import { enforce } from "@tribune/domain/kernel";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { MEETING } from "./get";

/** Deletes a meeting that holds no motion (a motion's record always names its meeting). */
export function deleteMeeting(ctx: ServiceContext, { id }: CaMeetingRef): Promise<CaMeetingRef> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findCaMeeting(tx, id), MEETING);
    enforce(decideMeetingDeletion(await countMotionsOf(tx, id)));
    await deleteCaMeeting(tx, id);
    await effects.audit({ entity: "ca_meeting", entityId: id, action: "delete", before });
    return { id };
  });
}

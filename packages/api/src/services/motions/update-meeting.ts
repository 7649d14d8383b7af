import { findCaMeeting, updateCaMeeting } from "@tribune/db/repos/motions";
import { findSubdivision } from "@tribune/db/repos/subdivisions";
import type { CaMeeting, CaMeetingUpdate } from "@tribune/domain/dossiers";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { MEETING } from "./get";

/** Changes a meeting's date, city, host or note, audited. */
export function updateMeeting(ctx: ServiceContext, input: CaMeetingUpdate): Promise<CaMeeting> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findCaMeeting(tx, input.id), MEETING);
    if (input.hostSubdivisionId)
      found(await findSubdivision(tx, input.hostSubdivisionId), "Subdivision");
    const meeting = await updateCaMeeting(tx, input);
    await effects.audit({
      entity: "ca_meeting",
      entityId: meeting.id,
      action: "update",
      before,
      after: meeting,
    });
    return meeting;
  });
}

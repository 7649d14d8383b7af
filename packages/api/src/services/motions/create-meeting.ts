import { insertCaMeeting } from "@tribune/db/repos/motions";
import { findSubdivision } from "@tribune/db/repos/subdivisions";
import type { CaMeeting, CaMeetingInput } from "@tribune/domain/dossiers";
import type { z } from "zod";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";

/** Records a meeting of the Conseil d'Administration, audited. */
export function createMeeting(
  ctx: ServiceContext,
  input: z.output<typeof CaMeetingInput>,
): Promise<CaMeeting> {
  return change(ctx, async (tx, effects) => {
    if (input.hostSubdivisionId)
      found(await findSubdivision(tx, input.hostSubdivisionId), "Subdivision");
    const meeting = await insertCaMeeting(tx, {
      date: input.date,
      city: input.city,
      hostSubdivisionId: input.hostSubdivisionId,
      note: input.note,
    });
    await effects.audit({
      entity: "ca_meeting",
      entityId: meeting.id,
      action: "create",
      after: meeting,
    });
    return meeting;
  });
}

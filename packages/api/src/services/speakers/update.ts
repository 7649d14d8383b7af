import { findSpeaker, updateSpeaker as writeSpeaker } from "@tribune/db/repos/people";
import { PROGRAMME_LABELS, type Speaker, type SpeakerUpdate } from "@tribune/domain/congress";
import type { z } from "zod";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";

/** A partial change of a speaker's record, audited. */
export function updateSpeaker(
  ctx: ServiceContext,
  { id, ...patch }: z.output<typeof SpeakerUpdate>,
): Promise<Speaker> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findSpeaker(tx, id), PROGRAMME_LABELS.speaker);
    const speaker = await writeSpeaker(tx, id, patch);
    await effects.audit({
      entity: "speaker",
      entityId: id,
      action: "update",
      before,
      after: speaker,
    });
    return speaker;
  });
}

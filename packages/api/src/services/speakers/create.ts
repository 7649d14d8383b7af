import { insertSpeaker } from "@tribune/db/repos/people";
import type { Speaker, SpeakerInput } from "@tribune/domain/congress";
import { change, type ServiceContext } from "../kit";

/** Adds a speaker to the catalogue, audited. */
export function createSpeaker(ctx: ServiceContext, input: SpeakerInput): Promise<Speaker> {
  return change(ctx, async (tx, effects) => {
    const speaker = await insertSpeaker(tx, input);
    await effects.audit({
      entity: "speaker",
      entityId: speaker.id,
      action: "create",
      after: speaker,
    });
    return speaker;
  });
}

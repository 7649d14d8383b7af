import {
  countSpeakerUses,
  findSpeaker,
  deleteSpeaker as removeSpeaker,
} from "@tribune/db/repos/people";
import {
  type CatalogDeleteInput,
  type CatalogDeleteResult,
  decideSpeakerDeletion,
  PROGRAMME_LABELS,
} from "@tribune/domain/congress";
import { enforce } from "@tribune/domain/kernel";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";

/**
 * Deletes a speaker's record, audited. One who speaks in sessions goes only once confirmed
 * (`decideSpeakerDeletion`), and is taken out of them.
 */
export function deleteSpeaker(
  ctx: ServiceContext,
  input: CatalogDeleteInput,
): Promise<CatalogDeleteResult> {
  return change(ctx, async (tx, effects) => {
    const before = found(await findSpeaker(tx, input.id), PROGRAMME_LABELS.speaker);
    const { detachedSessions } = enforce(
      decideSpeakerDeletion(before, await countSpeakerUses(tx, input.id), input.confirm),
    );
    await removeSpeaker(tx, input.id);
    await effects.audit({ entity: "speaker", entityId: input.id, action: "delete", before });
    return { id: input.id, detachedSessions };
  });
}

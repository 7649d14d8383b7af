import { findSpeaker, listSpeakers } from "@tribune/db/repos/people";
import { type CatalogRef, PROGRAMME_LABELS, type Speaker } from "@tribune/domain/congress";
import { found } from "../../found";
import type { ServiceContext } from "../kit";

/** Every speaker, by name. */
export const listAllSpeakers = (ctx: ServiceContext): Promise<Speaker[]> => listSpeakers(ctx.db);

export async function getSpeaker(ctx: ServiceContext, { id }: CatalogRef): Promise<Speaker> {
  return found(await findSpeaker(ctx.db, id), PROGRAMME_LABELS.speaker);
}

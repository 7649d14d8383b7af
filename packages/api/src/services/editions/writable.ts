/**
 * The one check every change to an edition's data goes through: an archived edition is
 * read-only (sessions, rooms, registrations, sign-ups, capacities, press-kit sections), and
 * self-registration keeps to the edition's window. The rules are the domain's; this reads the
 * edition in the caller's transaction and raises them.
 */
import type { Executor } from "@tribune/db";
import { shareEdition } from "@tribune/db/repos/editions";
import {
  decideEditionWrite,
  decideSelfRegistration,
  type EditionWithBudget,
} from "@tribune/domain/congress";
import { enforce } from "@tribune/domain/kernel";
import { found } from "../../found";

/**
 * The edition, unless it is archived (`locked`, French message) or does not exist. Its row stays
 * share-locked until the caller's transaction ends, so archiving cannot slip in between.
 */
export async function assertEditionWritable(
  tx: Executor,
  editionId: string,
): Promise<EditionWithBudget> {
  const edition = found(await shareEdition(tx, editionId), "Édition");
  enforce(decideEditionWrite(edition));
  return edition;
}

/** The edition, if people may register to it by themselves at `now` (`registration_closed`). */
export async function assertRegistrationOpen(
  tx: Executor,
  editionId: string,
  now: Date,
): Promise<EditionWithBudget> {
  const edition = await assertEditionWritable(tx, editionId);
  enforce(decideSelfRegistration(edition, now));
  return edition;
}

import type { Executor } from "@tribune/db";
import { findEditionByYear, insertEdition, listEditions } from "@tribune/db/repos/editions";
import { savePressKitFrame } from "@tribune/db/repos/press-kit-frames";
import { setEditionCapacity } from "@tribune/db/repos/registrations";
import {
  decideYearAndNumber,
  type EditionWithBudget,
  type NewEdition,
} from "@tribune/domain/congress";
import { enforce } from "@tribune/domain/kernel";
import { change, type Effects, type ServiceContext } from "../kit";
import { templateFor } from "../press-kit/frame";

/** Inserts the edition and its registration quota, audited, in the caller's transaction. */
export async function insertNewEdition(
  tx: Executor,
  effects: Effects,
  { capacity, ...fields }: NewEdition,
  copiedFrom: number | null = null,
): Promise<EditionWithBudget> {
  enforce(decideYearAndNumber(await listEditions(tx), fields));
  const edition = await insertEdition(tx, fields);
  await setEditionCapacity(tx, edition.id, capacity);
  await effects.audit({
    entity: "edition",
    entityId: edition.id,
    action: "create",
    // Edition entries are read by organisers: never the budget.
    after: { ...withoutBudget(edition), capacity, copiedFrom },
  });
  return edition;
}

export const withoutBudget = ({ budgetEuros: _b, ...edition }: EditionWithBudget) => edition;

/**
 * A new edition from scratch: no rooms, no programme, a blank press kit (templates) in a
 * neutral frame — the previous edition's organisation and congress name, generic headings,
 * no contact, no figure.
 */
export function createEdition(ctx: ServiceContext, input: NewEdition): Promise<EditionWithBudget> {
  return change(ctx, async (tx, effects) => {
    const edition = await insertNewEdition(tx, effects, input);
    await savePressKitFrame(
      tx,
      edition.id,
      await templateFor(tx, edition.id),
      ctx.actor?.email ?? null,
    );
    // Every instance drops what it built from the list of editions (the current one).
    effects.publish({ type: "programme.changed", editionId: edition.id });
    return (await findEditionByYear(tx, edition.year)) ?? edition;
  });
}

import {
  type Executor,
  findEditionByYear,
  insertEdition,
  listEditions,
  setEditionCapacity,
} from "@tribune/db";
import { DomainError, type EditionWithBudget, type NewEdition } from "@tribune/domain";
import { change, type Effects, type ServiceContext } from "../kit";

/** Refuses a year or a number another edition already has. */
export async function assertFreeYearAndNumber(
  tx: Executor,
  { year, number }: { year: number; number: number },
  except?: string,
): Promise<void> {
  const taken = (await listEditions(tx)).filter((e) => e.id !== except);
  const sameYear = taken.find((e) => e.year === year);
  if (sameYear)
    throw new DomainError("already_exists", `Une édition ${year} existe déjà.`, {
      fieldErrors: { year: [`Une édition ${year} existe déjà.`] },
    });
  const sameNumber = taken.find((e) => e.number === number);
  if (sameNumber) {
    const message = `Le ${number}e congrès existe déjà (édition ${sameNumber.year}).`;
    throw new DomainError("already_exists", message, { fieldErrors: { number: [message] } });
  }
}

/** Inserts the edition and its registration quota, audited, in the caller's transaction. */
export async function insertNewEdition(
  tx: Executor,
  effects: Effects,
  { capacity, ...fields }: NewEdition,
  copiedFrom: number | null = null,
): Promise<EditionWithBudget> {
  await assertFreeYearAndNumber(tx, fields);
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

/** A new edition from scratch: no rooms, no programme, a blank press kit (templates). */
export function createEdition(ctx: ServiceContext, input: NewEdition): Promise<EditionWithBudget> {
  return change(ctx, async (tx, effects) => {
    const edition = await insertNewEdition(tx, effects, input);
    return (await findEditionByYear(tx, edition.year)) ?? edition;
  });
}

import type { Executor } from "@tribune/db";
import { findEdition } from "@tribune/db/repos/editions";
import { editionCapacity, setEditionCapacity } from "@tribune/db/repos/registrations";
import type { CapacityInput, EditionCapacity, Registration } from "@tribune/domain/union";
import type { z } from "zod";
import { found } from "../../found";
import { assertEditionWritable } from "../editions/writable";
import { change, type Effects, type ServiceContext } from "../kit";
import { mailRegistration } from "../mail/compose";
import { giveFreedPlaces } from "./places";

/**
 * The edition's capacity stored in the caller's transaction: where it grows, the people waiting
 * get the places in arrival order and each is told by e-mail (the outbox, in this transaction).
 * The caller audits the change; answers the capacity before it and who got a place.
 */
export async function setCapacityIn(
  ctx: ServiceContext,
  tx: Executor,
  effects: Effects,
  editionId: string,
  capacity: number | null,
): Promise<{ before: number | null; promoted: Registration[] }> {
  const { before } = await setEditionCapacity(tx, editionId, capacity);
  const promoted = await giveFreedPlaces(tx, editionId, capacity);
  for (const person of promoted) await mailRegistration(ctx, tx, effects, person, "promoted");
  if (promoted.length > 0)
    effects.publish({
      type: "registrations.changed",
      editionId,
      subdivisionIds: promoted.map((p) => p.subdivisionId),
    });
  return { before, promoted };
}

/** Changes the edition's capacity, audited; a larger one promotes people from the waitlist. */
export async function setCapacity(
  ctx: ServiceContext,
  input: z.output<typeof CapacityInput>,
): Promise<{ capacity: EditionCapacity; promoted: Registration[] }> {
  const { editionId, capacity } = input;
  found(await findEdition(ctx.db, editionId), "Édition");
  const promoted = await change(ctx, async (tx, effects) => {
    await assertEditionWritable(tx, editionId);
    const { before, promoted } = await setCapacityIn(ctx, tx, effects, editionId, capacity);
    await effects.audit({
      entity: "edition",
      entityId: editionId,
      action: "update",
      before: { capacity: before },
      after: { capacity, promoted: promoted.map((p) => p.id) },
    });
    // The capacity shows wherever the edition does: its cached public readers reload it.
    effects.publish({ type: "programme.changed", editionId });
    return promoted;
  });
  return { capacity: await editionCapacity(ctx.db, editionId), promoted };
}

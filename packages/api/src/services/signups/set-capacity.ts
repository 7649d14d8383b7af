import { effectiveCapacity, lockSessionPlaces, setSessionCapacity } from "@tribune/db";
import type { SessionCapacityInput, SessionPlaces, SessionSignup } from "@tribune/domain";
import type { z } from "zod";
import { change, type ServiceContext } from "../kit";
import { mailSignup } from "../mail/compose";
import { giveFreedPlaces, writableSignupSessionOf } from "./places";
import { placesOf } from "./queries";

/**
 * Sets a workshop's or toolbox's places (null: its override or rooms decide), audited; when
 * they grow, the people waiting get them in order, in the same transaction. Places already
 * given are kept when they shrink.
 */
export async function setSessionPlaces(
  ctx: ServiceContext,
  input: z.output<typeof SessionCapacityInput>,
): Promise<{ places: SessionPlaces; promoted: SessionSignup[] }> {
  const { session, promoted } = await change(ctx, async (tx, effects) => {
    const session = await writableSignupSessionOf(tx, input.sessionId);
    const { capacity: before } = await lockSessionPlaces(tx, session);
    await setSessionCapacity(tx, session.id, input.capacity);
    const after = await effectiveCapacity(tx, session, input.capacity);
    await effects.audit({
      entity: "session",
      entityId: session.id,
      action: "update",
      before: { capacity: before },
      after: { capacity: after },
    });
    const promoted = after === null ? [] : await giveFreedPlaces(tx, effects, session, after);
    for (const signup of promoted) await mailSignup(ctx, tx, effects, signup, session, "promoted");
    return { session, promoted };
  });
  return { places: await placesOf(ctx.db, session), promoted };
}

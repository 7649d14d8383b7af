import type { Executor } from "@tribune/db";
import {
  effectiveCapacity,
  lockSessionPlaces,
  type SignupSession,
  setSessionCapacity,
} from "@tribune/db/repos/signups";
import type { SessionCapacityInput, SessionPlaces, SessionSignup } from "@tribune/domain/union";
import type { z } from "zod";
import { change, type Effects, type ServiceContext } from "../kit";
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
    return { session, promoted: await setPlacesIn(ctx, tx, effects, session, input.capacity) };
  });
  return { places: await placesOf(ctx.db, session), promoted };
}

/**
 * One session's places set in the caller's transaction: locked, stored, audited; where they
 * grow, the people waiting get them in order and are told by e-mail. Returns who got a place.
 */
export async function setPlacesIn(
  ctx: ServiceContext,
  tx: Executor,
  effects: Effects,
  session: SignupSession,
  capacity: number | null,
): Promise<SessionSignup[]> {
  const { capacity: before } = await lockSessionPlaces(tx, session);
  await setSessionCapacity(tx, session.id, capacity);
  const after = await effectiveCapacity(tx, session, capacity);
  await effects.audit({
    entity: "session",
    entityId: session.id,
    action: "update",
    before: { capacity: before },
    after: { capacity: after },
  });
  const promoted = after === null ? [] : await giveFreedPlaces(tx, effects, session, after);
  for (const signup of promoted) await mailSignup(ctx, tx, effects, signup, session, "promoted");
  return promoted;
}

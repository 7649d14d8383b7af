import {
  effectiveCapacity,
  findSignupSession,
  listSessions,
  lockSessionPlaces,
  type SignupSession,
  sessionPlaces,
  setSessionCapacity,
} from "@tribune/db";
import {
  enforce,
  type SessionCapacitiesInput,
  type SessionPlaces,
  type SessionSignup,
  sessionsForCapacities,
} from "@tribune/domain";
import { assertEditionWritable } from "../editions/writable";
import { change, type ServiceContext } from "../kit";
import { mailSignup } from "../mail/compose";
import { giveFreedPlaces } from "./places";

/**
 * Sets the places of many workshops at once — every session taking sign-ups of the edition,
 * of a kind and/or in a room (`sessionsForCapacities`) — in one transaction, each audited as
 * one-by-one would be; where places grow, the people waiting get them in order. Returns the
 * places of the sessions changed, and who got a place.
 */
export async function setSessionCapacities(
  ctx: ServiceContext,
  input: SessionCapacitiesInput,
): Promise<{ places: SessionPlaces[]; promoted: SessionSignup[] }> {
  const { ids, promoted } = await change(ctx, async (tx, effects) => {
    await assertEditionWritable(tx, input.editionId);
    const chosen = enforce(sessionsForCapacities(await listSessions(tx, input.editionId), input));
    const promoted: SessionSignup[] = [];
    for (const { id } of chosen.sessions) {
      const session = (await findSignupSession(tx, id)) as SignupSession;
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
      const given = after === null ? [] : await giveFreedPlaces(tx, effects, session, after);
      for (const signup of given) await mailSignup(ctx, tx, effects, signup, session, "promoted");
      promoted.push(...given);
    }
    return { ids: new Set(chosen.sessions.map((s) => s.id)), promoted };
  });
  const places = (await sessionPlaces(ctx.db, input.editionId)).filter((p) => ids.has(p.sessionId));
  return { places, promoted };
}

import { listSessions } from "@tribune/db/repos/sessions";
import { findSignupSession, type SignupSession, sessionPlaces } from "@tribune/db/repos/signups";
import { enforce } from "@tribune/domain/kernel";
import {
  type SessionCapacitiesInput,
  type SessionPlaces,
  type SessionSignup,
  sessionsForCapacities,
} from "@tribune/domain/union";
import { assertEditionWritable } from "../editions/writable";
import { change, type ServiceContext } from "../kit";
import { setPlacesIn } from "./set-capacity";

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
      const given = await setPlacesIn(ctx, tx, effects, session, input.capacity);
      promoted.push(...given);
    }
    return { ids: new Set(chosen.sessions.map((s) => s.id)), promoted };
  });
  const places = (await sessionPlaces(ctx.db, input.editionId)).filter((p) => ids.has(p.sessionId));
  return { places, promoted };
}

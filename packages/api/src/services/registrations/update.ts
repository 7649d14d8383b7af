import {
  emailTakenInEdition,
  lockRegistration,
  setRegistrationDetails,
  subdivisionName,
} from "@tribune/db/repos/attendees";
import { findRegistration } from "@tribune/db/repos/registrations";
import { refusalError } from "@tribune/domain/kernel";
import {
  REGISTRATION_REFUSALS,
  REGISTRATION_UPDATE_REFUSALS,
  type Registration,
  type RegistrationUpdateInput,
} from "@tribune/domain/union";
import { assertEditionWritable } from "../editions/writable";
import { change, type ServiceContext } from "../kit";

/**
 * An organiser corrects a registration (a typo in the address, the meals): the same code, the
 * same place in the queue, whatever its status. Another registration of the edition with the
 * new address is refused. Audited with before and after.
 */
export function updateRegistration(
  ctx: ServiceContext,
  { id, ...details }: RegistrationUpdateInput,
): Promise<Registration> {
  return change(ctx, async (tx, effects) => {
    const current = await findRegistration(tx, id);
    if (!current) throw refusalError(REGISTRATION_REFUSALS.notFound());
    await assertEditionWritable(tx, current.editionId);
    const before = (await lockRegistration(tx, id)) as Registration;
    if (await emailTakenInEdition(tx, before.editionId, details.email, id))
      throw refusalError(REGISTRATION_UPDATE_REFUSALS.emailTaken(details.email));
    if (!(await subdivisionName(tx, details.subdivisionId)))
      throw refusalError(REGISTRATION_REFUSALS.unknownSubdivision());
    const after = await setRegistrationDetails(tx, id, details);
    await effects.audit({ entity: "registration", entityId: id, action: "update", before, after });
    effects.publish({
      type: "registrations.changed",
      editionId: after.editionId,
      subdivisionIds: [...new Set([before.subdivisionId, after.subdivisionId])],
    });
    return after;
  });
}

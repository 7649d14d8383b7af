import { latestAuditWith } from "@tribune/db/repos/audit";
import {
  type PressKitSectionRef,
  type ValidatedSectionVersion,
  validatedVersionIn,
} from "@tribune/domain/press-kit";
import type { ServiceContext } from "../kit";
import { sectionEntityId } from "./sections";

/**
 * A section as it was last validated, read back from the audit log (which keeps every state a
 * section went through): the bureau compares it with the draft before validating again.
 */
export async function lastValidatedVersion(
  ctx: ServiceContext,
  { year, sectionId }: PressKitSectionRef,
): Promise<ValidatedSectionVersion> {
  const entry = await latestAuditWith(ctx.db, {
    entity: "press_kit_section",
    entityId: sectionEntityId(year, sectionId),
    field: "status",
    value: "validated",
  });
  return entry ? validatedVersionIn(entry) : null;
}

import { listAudit, namesOfIds } from "@tribune/db/repos/audit";
import {
  type AuditDescription,
  type AuditEntry,
  type AuditQuery,
  auditIdsOf,
  auditKindsReadableBy,
  describeAuditEntry,
} from "@tribune/domain/audit";
import type { z } from "zod";
import type { Actor } from "../../context";
import type { ServiceContext } from "../kit";

/**
 * The latest entries the actor may read: those about entities their role may read, each with
 * its description in French (`describeAuditEntry`), the ids it mentions named here, on the
 * server, from the records they point to.
 */
export async function listAuditEntries(
  ctx: ServiceContext & { actor: Actor },
  query: z.output<typeof AuditQuery>,
): Promise<(AuditEntry & { description: AuditDescription })[]> {
  const entries = await listAudit(ctx.db, {
    ...query,
    kinds: auditKindsReadableBy(ctx.actor.role),
  });
  const names = await namesOfIds(ctx.db, entries.flatMap(auditIdsOf));
  return entries.map((entry) => ({ ...entry, description: describeAuditEntry(entry, names) }));
}

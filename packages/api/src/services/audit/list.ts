import { listAudit } from "@tribune/db";
import { type AuditEntry, type AuditQuery, auditKindsReadableBy } from "@tribune/domain";
import type { z } from "zod";
import type { Actor } from "../../context";
import type { ServiceContext } from "../kit";

/** The latest entries the actor may read: those about entities their role may read. */
export const listAuditEntries = (
  ctx: ServiceContext & { actor: Actor },
  query: z.output<typeof AuditQuery>,
): Promise<AuditEntry[]> =>
  listAudit(ctx.db, { ...query, kinds: auditKindsReadableBy(ctx.actor.role) });

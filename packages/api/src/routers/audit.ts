import { listAudit } from "@tribune/db";
import { AUDIT_LOG_READERS, AuditEntry, AuditQuery, auditKindsReadableBy } from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { procedureFor } from "../trpc";

export const auditRouter = {
  /** The latest entries the actor may read: those about entities their role may read. */
  list: procedureFor(...AUDIT_LOG_READERS)
    .input(AuditQuery)
    .output(z.array(AuditEntry))
    .query(({ ctx, input }) =>
      listAudit(ctx.db, { ...input, kinds: auditKindsReadableBy(ctx.actor.role) }),
    ),
} satisfies TRPCRouterRecord;

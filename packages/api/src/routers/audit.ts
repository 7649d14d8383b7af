import { AuditDescribedEntry, AuditQuery } from "@tribune/domain/audit";
import { AUDIT_LOG_READERS } from "@tribune/domain/auth";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { listAuditEntries } from "../services/audit/list";
import { procedureFor } from "../trpc";

export const auditRouter = {
  /** The latest entries the actor may read: those about entities their role may read. */
  list: procedureFor(...AUDIT_LOG_READERS)
    .input(AuditQuery)
    .output(z.array(AuditDescribedEntry))
    .query(({ ctx, input }) => listAuditEntries(ctx, input)),
} satisfies TRPCRouterRecord;

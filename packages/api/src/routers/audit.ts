import { listAudit } from "@tribune/db";
import { AuditEntry, AuditQuery } from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { procedureFor } from "../trpc";

export const auditRouter = {
  list: procedureFor("admin", "organiser")
    .input(AuditQuery)
    .output(z.array(AuditEntry))
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
} satisfies TRPCRouterRecord;

import { OutboxEntry, OutboxQuery, OutboxStatus, ResendInput } from "@tribune/domain/mail";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { listOutbox } from "../services/mail/list";
import { resendDeadMessage } from "../services/mail/resend";
import { procedureFor } from "../trpc";

const admin = procedureFor("admin");

/** The outbox for administrators: messages by status (never a body), and a dead one sent again. */
export const mailRouter = {
  list: admin
    .input(OutboxQuery)
    .output(
      z.object({
        items: z.array(OutboxEntry),
        total: z.int().nonnegative(),
        counts: z.record(OutboxStatus, z.int().nonnegative()),
      }),
    )
    .query(({ ctx, input }) => listOutbox(ctx, input)),

  /** Sends a dead message again (a new round of attempts), audited. */
  resend: admin
    .input(ResendInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await resendDeadMessage(ctx, input.id);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;

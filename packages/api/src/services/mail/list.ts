import { listMessages, outboxCounts } from "@tribune/db/repos/outbox";
import { type OutboxEntry, OutboxQuery, type OutboxStatus } from "@tribune/domain/mail";
import type { ServiceContext } from "../kit";

/** The outbox, newest first, with how many messages are in each status; never a message body. */
export async function listOutbox(
  ctx: ServiceContext,
  query: OutboxQuery,
): Promise<{ items: OutboxEntry[]; total: number; counts: Record<OutboxStatus, number> }> {
  const q = OutboxQuery.parse(query);
  const page = await listMessages(ctx.db, q);
  return { ...page, counts: await outboxCounts(ctx.db) };
}

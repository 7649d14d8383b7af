import { randomUUID } from "node:crypto";
import type { MailContent, MailMessage, OutboxEntry, OutboxStatus } from "@tribune/domain/mail";
import { and, count, desc, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Database, Executor } from "../client";
import { outbox, type StoredAttachment } from "../schema";

export type { StoredAttachment } from "../schema";

/**
 * The outbox's rows: queued in the transaction of the change that causes them, claimed by a
 * worker for a lease, then marked sent, or failed (to try again later, or dead). The rules
 * (back-off, when to give up) are the domain's (`afterFailedDelivery`): this file only stores.
 *
 * A change queues what the domain decided (`enqueueMail`: the content, as JSON), not its
 * rendering: the worker renders after the commit and hands the rendering back when it marks the
 * message sent or failed, which stores it in place of the content. A message may also be queued
 * rendered (`enqueueMessage`), as every row was before migration 0016.
 */

/** The body of a rendered message, as stored. */
export interface RenderedBody {
  text: string;
  html: string;
  attachments: StoredAttachment[];
}

/** A message claimed by one worker; `claimToken` proves the claim is still its own. */
export interface ClaimedMessage {
  id: string;
  key: string;
  kind: string;
  recipient: string;
  subject: string;
  /** The rendered body: null while `content` is still to render. */
  text: string | null;
  html: string | null;
  attachments: StoredAttachment[];
  /**
   * What the domain decided, still to render (unchecked JSON: its reader validates it), or null
   * when the message is rendered already.
   */
  content: unknown;
  attempts: number;
  claimToken: string;
}

/** An attachment as the outbox stores it (base64 in JSON). */
export const storedAttachment = (a: MailMessage["attachments"][number]): StoredAttachment => ({
  filename: a.filename,
  contentType: a.contentType,
  contentBase64: Buffer.from(a.content).toString("base64"),
  ...(a.cid ? { cid: a.cid } : {}),
});

type QueuedRow = Pick<
  typeof outbox.$inferInsert,
  "key" | "kind" | "recipient" | "subject" | "text" | "html" | "attachments" | "content"
>;

async function enqueue(tx: Executor, row: QueuedRow, now?: Date): Promise<boolean> {
  const at = (now ?? new Date()).toISOString();
  const queued = await tx
    .insert(outbox)
    .values({ ...row, nextAttemptAt: at, createdAt: at, updatedAt: at })
    .onConflictDoNothing({ target: outbox.key })
    .returning({ id: outbox.id });
  return queued.length > 0;
}

/**
 * Queues what the domain decided, to be rendered after the commit (by the worker), in the
 * caller's transaction: no HTML is rendered while the change holds its locks. The subject and
 * the recipient are stored at once (the staff's list shows them before the message leaves). A
 * message whose key is already queued (the same cause) is kept once: answers false then.
 */
export function enqueueMail(tx: Executor, content: MailContent, now?: Date): Promise<boolean> {
  return enqueue(
    tx,
    {
      key: content.key,
      kind: content.kind,
      recipient: content.to,
      subject: content.subject,
      text: null,
      html: null,
      attachments: [],
      content,
    },
    now,
  );
}

/**
 * Queues a message rendered already, in the caller's transaction. A message whose key is already
 * queued (the same cause) is kept once: answers false then.
 */
export function enqueueMessage(tx: Executor, m: MailMessage, now?: Date): Promise<boolean> {
  return enqueue(
    tx,
    {
      key: m.key,
      kind: m.kind,
      recipient: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      attachments: m.attachments.map(storedAttachment),
      content: null,
    },
    now,
  );
}

export interface ClaimOptions {
  now: Date;
  limit: number;
  leaseMs: number;
  /** A claim that expired with this many attempts is not tried again: it is dead. */
  maxAttempts: number;
}

/**
 * Claims up to `limit` messages that are due: pending ones whose next attempt has come, and
 * those whose claim expired (their worker stopped or crashed mid-delivery). Each claim counts
 * as an attempt and holds for `leaseMs`. Rows another worker is claiming right now are skipped
 * (`FOR UPDATE SKIP LOCKED`), so two workers never claim the same message.
 */
export async function claimDueMessages(
  db: Database,
  { now, limit, leaseMs, maxAttempts }: ClaimOptions,
): Promise<ClaimedMessage[]> {
  const at = now.toISOString();
  const expired = and(eq(outbox.status, "sending"), lte(outbox.leaseUntil, at));
  return db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({
        status: "dead",
        leaseUntil: null,
        claimToken: null,
        lastError: "Envoi interrompu (claim expiré) après la dernière tentative.",
        updatedAt: at,
      })
      .where(and(expired, gte(outbox.attempts, maxAttempts)));
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(or(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, at)), expired))
      .orderBy(outbox.nextAttemptAt, outbox.createdAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const claimToken = randomUUID();
    const claimed = await tx
      .update(outbox)
      .set({
        status: "sending",
        attempts: sql`${outbox.attempts} + 1`,
        leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
        claimToken,
        updatedAt: at,
      })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
    return claimed
      .map((row) => ({
        id: row.id,
        key: row.key,
        kind: row.kind,
        recipient: row.recipient,
        subject: row.subject,
        text: row.text,
        html: row.html,
        attachments: row.attachments,
        content: row.content ?? null,
        attempts: row.attempts,
        claimToken,
      }))
      .sort((a, b) => due.findIndex((d) => d.id === a.id) - due.findIndex((d) => d.id === b.id));
  });
}

const stillClaimed = (m: Pick<ClaimedMessage, "id" | "claimToken">) =>
  and(eq(outbox.id, m.id), eq(outbox.status, "sending"), eq(outbox.claimToken, m.claimToken));

/**
 * The body a worker rendered this attempt, stored in place of the content (one copy of the
 * person's data, and the next attempt sends the very same message); nothing when it rendered
 * nothing (the row was rendered already, or its rendering failed: the content stays, so that a
 * message sent again by hand is rendered again).
 */
const renderedColumns = (rendered: RenderedBody | undefined) =>
  rendered
    ? {
        text: rendered.text,
        html: rendered.html,
        attachments: rendered.attachments,
        content: null,
      }
    : {};

/**
 * Marks a claimed message sent; false if the claim was lost (expired and taken by another).
 * `rendered`: the body the worker rendered from the content, kept as what was sent. With
 * `forgetBody`, its body, attachments and content are blanked in the same statement: the outbox
 * keeps only who it went to, its subject and its statuses (a message whose body holds a secret
 * link, see the domain's SECRET_BODY_MAIL_KINDS).
 */
export async function markSent(
  db: Executor,
  m: Pick<ClaimedMessage, "id" | "claimToken">,
  now: Date,
  { forgetBody = false, rendered }: { forgetBody?: boolean; rendered?: RenderedBody } = {},
): Promise<boolean> {
  const at = now.toISOString();
  const done = await db
    .update(outbox)
    .set({
      status: "sent",
      sentAt: at,
      updatedAt: at,
      leaseUntil: null,
      claimToken: null,
      lastError: null,
      ...(forgetBody
        ? { text: "", html: "", attachments: [], content: null }
        : renderedColumns(rendered)),
    })
    .where(stillClaimed(m))
    .returning({ id: outbox.id });
  return done.length > 0;
}

/**
 * Records a failed delivery of a claimed message: pending again from `retryAt`, or dead when
 * `retryAt` is null; `rendered` as for markSent. False if the claim was lost.
 */
export async function markFailed(
  db: Executor,
  m: Pick<ClaimedMessage, "id" | "claimToken">,
  failure: { error: string; retryAt: Date | null; rendered?: RenderedBody },
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const done = await db
    .update(outbox)
    .set({
      ...renderedColumns(failure.rendered),
      status: failure.retryAt ? "pending" : "dead",
      nextAttemptAt: failure.retryAt ? failure.retryAt.toISOString() : sql`${outbox.nextAttemptAt}`,
      lastError: failure.error.slice(0, 1000),
      leaseUntil: null,
      claimToken: null,
      updatedAt: at,
    })
    .where(stillClaimed(m))
    .returning({ id: outbox.id });
  return done.length > 0;
}

/** Gives a dead message a new round of attempts, from now; false unless it was dead. */
export async function requeueDeadMessage(db: Executor, id: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const done = await db
    .update(outbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: at, lastError: null, updatedAt: at })
    .where(and(eq(outbox.id, id), eq(outbox.status, "dead")))
    .returning({ id: outbox.id });
  return done.length > 0;
}

const entryColumns = {
  id: outbox.id,
  key: outbox.key,
  kind: outbox.kind,
  recipient: outbox.recipient,
  subject: outbox.subject,
  status: outbox.status,
  attempts: outbox.attempts,
  nextAttemptAt: outbox.nextAttemptAt,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

/** Queued messages, newest first, without their bodies; optionally of one status. */
export async function listMessages(
  db: Executor,
  query: { status?: OutboxStatus; limit: number; offset: number },
): Promise<{ items: OutboxEntry[]; total: number }> {
  const where = query.status ? eq(outbox.status, query.status) : undefined;
  const items = await db
    .select(entryColumns)
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await db.select({ n: count() }).from(outbox).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** How many messages are in each status. */
export async function outboxCounts(db: Executor): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .groupBy(outbox.status);
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, dead: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** One message with its body, for tests and the worker's diagnostics. */
export async function findMessageByKey(db: Executor, key: string) {
  const [row] = await db.select().from(outbox).where(eq(outbox.key, key));
  return row ?? null;
}

/** One message with its body (never for the staff's lists: see listMessages). */
export async function findMessageById(db: Executor, id: string) {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row ?? null;
}

/**
 * What every service (one use case per verb) is given, and the one helper that runs a change:
 * its transaction, its audit entries and, once it committed, its live events. Routers and the
 * command line build a ServiceContext and call services; services never see HTTP.
 */
import type { Database, EventBus, Executor, TribuneEvent } from "@tribune/db";
import { type Actor as AuditActor, recordAudit } from "@tribune/db/repos/audit";
import { idempotent, retryTransaction } from "@tribune/db/repos/idempotency";
import { enqueueMail } from "@tribune/db/repos/outbox";
import type { AuditAction, AuditedEntity } from "@tribune/domain/audit";
import type { MailContent } from "@tribune/domain/mail";
import { auditActor, SYSTEM } from "../audit";
import type { Actor, Context } from "../context";
import { publishProgrammeChange, publishRegistrationChange, publishSurveyChange } from "../live";
import { staleAfter } from "../public-cache";

/** The time as the services see it: tests pass a fixed one. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/**
 * The ports a use case may use; routers adapt a request's Context into one. `auditAs` names
 * who acts in the audit log when no one is signed in (the command line: the system).
 */
export type ServiceContext = Pick<
  Context,
  "db" | "events" | "actor" | "publicCache" | "publicUrl" | "invitationMailer"
> & {
  clock?: Clock;
  auditAs?: AuditActor;
};

/** The context of the command line and of the server's own start: the system acts. */
export const systemContext = (db: Database, events?: EventBus): ServiceContext => ({
  db,
  actor: null,
  auditAs: SYSTEM,
  ...(events ? { events } : {}),
});

const auditActorOf = (ctx: ServiceContext): AuditActor =>
  ctx.auditAs ?? auditActor(ctx.actor as Actor | null);

export const clockOf = (ctx: ServiceContext): Clock => ctx.clock ?? systemClock;

export interface AuditEntryInput {
  entity: AuditedEntity;
  entityId: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
}

/** What a change may do besides its own writes, all bound to its transaction. */
export interface Effects {
  /** Records who did what, in the same transaction: both land or neither. */
  audit(entry: AuditEntryInput): Promise<void>;
  /** Queues a live event, published only once the transaction committed. */
  publish(event: TribuneEvent): void;
  /**
   * Queues an e-mail in the outbox, in the same transaction: it leaves (the server's worker)
   * only if the change committed, and a crash before it left loses nothing. What is queued is
   * what the domain decided, as JSON: the worker renders it after the commit, so that no HTML,
   * QR code or calendar is built while the change holds its locks. A message whose key is
   * already queued is kept once.
   */
  mail(content: MailContent): Promise<void>;
}

/**
 * Runs `work` in one transaction (retried whole on a deadlock or serialization failure) with
 * its effects: audit entries written in it, live events published after it committed, and
 * never for an attempt that was rolled back.
 */
export async function change<T>(
  ctx: ServiceContext,
  work: (tx: Executor, effects: Effects) => Promise<T>,
): Promise<T> {
  const actor = auditActorOf(ctx);
  let events: TribuneEvent[] = [];
  const result = await retryTransaction(ctx.db as Database, (tx) => {
    events = [];
    return work(tx, effectsIn(tx, actor, events, clockOf(ctx)));
  });
  for (const event of events) publishCommitted(ctx, event);
  return result;
}

/**
 * A change that a client may send again with the same idempotency key (a retried form): the
 * first call runs `work` as `change` does and stores its answer under (scope, key) in the same
 * transaction; a retry with the same key and input gets that answer back (`replayed`), writes
 * nothing, audits nothing and publishes nothing. Without a key, it is a plain change.
 */
export async function idempotentChange<T>(
  ctx: ServiceContext,
  scope: string,
  key: string | undefined,
  input: unknown,
  work: (tx: Executor, effects: Effects) => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const actor = auditActorOf(ctx);
  let events: TribuneEvent[] = [];
  // `work` runs only in an attempt that claimed the key: a replayed answer publishes nothing.
  const outcome = await idempotent(ctx.db as Database, scope, key, input, (tx) => {
    events = [];
    return work(tx, effectsIn(tx, actor, events, clockOf(ctx)));
  });
  if (!outcome.replayed) for (const event of events) publishCommitted(ctx, event);
  return outcome;
}

function effectsIn(tx: Executor, actor: AuditActor, events: TribuneEvent[], clock: Clock): Effects {
  return {
    audit: (entry) => recordAudit(tx, actor, entry),
    publish: (event) => events.push(event),
    mail: async (content) => {
      await enqueueMail(tx, content, clock.now());
    },
  };
}

/** Publishes an event of a change that committed (coalesced with its kind, see live.ts). */
export function publishCommitted(ctx: ServiceContext, event: TribuneEvent): void {
  // This instance serves the change at once; the others drop it when the event reaches them.
  const stale = staleAfter(event);
  if (stale !== undefined) ctx.publicCache?.drop(stale);
  if (event.type === "registrations.changed")
    publishRegistrationChange(ctx, event.editionId, event.subdivisionIds);
  else if (event.type === "programme.changed") publishProgrammeChange(ctx, event.editionId);
  else if (event.type === "surveys.changed") publishSurveyChange(ctx, event.surveyId);
}

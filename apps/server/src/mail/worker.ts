import { renderQueuedMail } from "@tribune/api";
import type { Database } from "@tribune/db";
import {
  type ClaimedMessage,
  claimDueMessages,
  markFailed,
  markSent,
  type RenderedBody,
} from "@tribune/db/repos/outbox";
import {
  afterFailedDelivery,
  DELIVERY_POLICY,
  type DeliveryPolicy,
  type MailKind,
  SECRET_BODY_MAIL_KINDS,
} from "@tribune/domain/mail";
import { isPermanentFailure, type MailTransport, type OutgoingMessage } from "./transport";

export interface OutboxWorkerOptions {
  db: Database;
  transport: MailTransport;
  /** Tests pass their own clock and drive `runOnce` instead of waiting. */
  clock?: { now(): Date };
  policy?: DeliveryPolicy;
  /** Messages claimed at once. */
  batch?: number;
  log?: (line: string) => void;
}

export interface OutboxRound {
  sent: number;
  failed: number;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The message as it leaves: the body rendered this attempt, or the one stored. */
const outgoing = (m: ClaimedMessage, rendered: RenderedBody | undefined): OutgoingMessage => ({
  key: m.key,
  kind: m.kind,
  recipient: m.recipient,
  subject: m.subject,
  ...(rendered ?? { text: m.text ?? "", html: m.html ?? "", attachments: m.attachments }),
});

/**
 * Delivers the outbox: claims what is due (a lease, so that a worker that stops mid-delivery
 * loses its claim and another takes the message over), renders what a change queued unrendered
 * (its content: after the commit, out of the change's locks; a crash before it only delays it),
 * sends each message, and records the outcome with the rendering; a failure is tried again
 * later, twice as long each time, and given up after `maxAttempts` (the domain's
 * `afterFailedDelivery`). A message that cannot be rendered (its content unreadable, a template
 * that throws) is given up at once with the reason, like a permanent refusal: the others go on.
 * Several workers, in several server instances, may run at once: each message is claimed by
 * one only.
 */
export function createOutboxWorker({
  db,
  transport,
  clock = { now: () => new Date() },
  policy = DELIVERY_POLICY,
  batch = 20,
  log = (line) => console.error(line),
}: OutboxWorkerOptions) {
  async function runOnce(): Promise<OutboxRound> {
    const round = { sent: 0, failed: 0 };
    const claimed = await claimDueMessages(db, {
      now: clock.now(),
      limit: batch,
      leaseMs: policy.leaseMs,
      maxAttempts: policy.maxAttempts,
    });
    for (const message of claimed) {
      let rendered: RenderedBody | undefined;
      try {
        if (message.content !== null) rendered = await renderQueuedMail(message.content);
      } catch (error) {
        round.failed += 1;
        // Rendering again would fail again: the content stays for « Renvoyer » after a fix.
        const reason = `Rendu impossible : ${reasonOf(error)}`;
        await markFailed(db, message, { error: reason, retryAt: null }, clock.now());
        log(`Courriel abandonné (${message.kind}, tentative ${message.attempts}) : ${reason}`);
        continue;
      }
      try {
        await transport.send(outgoing(message, rendered));
      } catch (error) {
        round.failed += 1;
        const reason = reasonOf(error);
        const next = afterFailedDelivery(
          message.attempts,
          isPermanentFailure(error),
          clock.now(),
          policy,
        );
        await markFailed(
          db,
          message,
          {
            error: reason,
            retryAt: next.status === "pending" ? next.nextAttemptAt : null,
            ...(rendered ? { rendered } : {}),
          },
          clock.now(),
        );
        log(
          next.status === "dead"
            ? `Courriel abandonné (${message.kind}, tentative ${message.attempts}) : ${reason}`
            : `Courriel non envoyé (${message.kind}, tentative ${message.attempts}), nouvel essai plus tard : ${reason}`,
        );
        continue;
      }
      round.sent += 1;
      // A sent invitation or reset keeps no copy of its link: only the mailbox holds it.
      await markSent(db, message, clock.now(), {
        forgetBody: SECRET_BODY_MAIL_KINDS.includes(message.kind as MailKind),
        ...(rendered ? { rendered } : {}),
      });
    }
    return round;
  }

  /**
   * Runs a round every `intervalMs` (and at once), one at a time, until the returned function
   * is called; it then waits for the round in progress. A round that fails (database away)
   * is logged and the next one tries again.
   */
  function start(intervalMs = 5_000): () => Promise<void> {
    let stopped = false;
    let running: Promise<unknown> = Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    const tick = () => {
      running = (async () => {
        try {
          // A full batch means more may be due: go on without waiting.
          for (let full = true; full && !stopped; ) {
            const round = await runOnce();
            full = round.sent + round.failed >= batch;
          }
        } catch (error) {
          log(`Envoi des courriels : ${reasonOf(error)}`);
        }
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      })();
    };
    tick();
    return async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      transport.close();
    };
  }

  return { runOnce, start };
}

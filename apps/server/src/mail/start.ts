import type { Database } from "@tribune/db";
import { createMailTransport, type MailTarget } from "./transport";
import { createOutboxWorker } from "./worker";

/**
 * Starts delivering the outbox beside the server (every 5 s, and at once). Returns a function
 * that stops it once the round in progress ended; what is left stays queued for the next start.
 */
export function startMailWorker(db: Database, target: MailTarget): () => Promise<void> {
  const transport = createMailTransport(target);
  console.log(`Courriels : ${transport.description}.`);
  return createOutboxWorker({ db, transport }).start();
}

import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE,
  DATABASE_UNAVAILABLE_MESSAGE,
} from "@tribune/api";
import type { FastifyReply } from "fastify";

/**
 * 503 `database_unavailable` for the plain HTTP routes (tRPC says the same through its error
 * formatter): PostgreSQL could not be reached, or dropped the connection. Retry-After tells
 * clients when to try again; a write sent again with its idempotency key is not done twice.
 */
export function sendDatabaseUnavailable(reply: FastifyReply, extra: Record<string, unknown> = {}) {
  return reply
    .code(503)
    .headers({
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
    })
    .send(
      JSON.stringify({ ...extra, error: DATABASE_UNAVAILABLE_MESSAGE, code: DATABASE_UNAVAILABLE }),
    );
}

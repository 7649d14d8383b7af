import type { ServerResponse } from "node:http";
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE,
  DATABASE_UNAVAILABLE_MESSAGE,
} from "@tribune/api";

/**
 * 503 `database_unavailable` for the plain HTTP routes (tRPC says the same through its error
 * formatter): PostgreSQL could not be reached, or dropped the connection. Retry-After tells
 * clients when to try again; a write sent again with its idempotency key is not done twice.
 */
export function sendDatabaseUnavailable(res: ServerResponse, extra: Record<string, unknown> = {}) {
  res.writeHead(503, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
  });
  res.end(
    JSON.stringify({ ...extra, error: DATABASE_UNAVAILABLE_MESSAGE, code: DATABASE_UNAVAILABLE }),
  );
}

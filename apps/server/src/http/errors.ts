import { isDatabaseUnavailable } from "@tribune/db";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyReply } from "fastify";
import { sendDatabaseUnavailable } from "./unavailable";

/**
 * The HTTP status of an error thrown by a procedure called in process (the plain routes call
 * tRPC procedures through a caller): tRPC's own table, the one the /trpc answers use too. A
 * year out of the accepted range (BAD_REQUEST) names no edition: 404 on an edition's route.
 */
export function statusOfEditionError(error: unknown): number {
  const code = (error as { code?: unknown }).code;
  if (code === "BAD_REQUEST") return 404;
  if (typeof code !== "string" || !(error instanceof Error)) return 500;
  return getHTTPStatusCodeFromError(error as Parameters<typeof getHTTPStatusCodeFromError>[0]);
}

/** `{ error }` with a status, never cached. */
export function sendError(reply: FastifyReply, status: number, message: string, code?: string) {
  return reply
    .code(status)
    .header("Cache-Control", "no-store")
    .type("application/json; charset=utf-8")
    .send(JSON.stringify(code ? { error: message, code } : { error: message }));
}

/**
 * The answer of an edition's plain route that failed: 503 while the database is lost, the
 * route's message for 401/403/404 (`messages`), else a logged 500 that reveals nothing.
 */
export function sendEditionError(
  reply: FastifyReply,
  error: unknown,
  messages: Partial<Record<number, string>>,
  log: (message: string, error?: unknown) => void,
  what: string,
) {
  if (isDatabaseUnavailable(error)) return sendDatabaseUnavailable(reply);
  const status = statusOfEditionError(error);
  const message = messages[status];
  if (!message) {
    log(`${what} failed`, error);
    return sendError(reply, 500, "Erreur interne du serveur.");
  }
  return sendError(reply, status, message);
}

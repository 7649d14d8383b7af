import { isDatabaseUnavailable } from "@tribune/db";
import { DomainError, type DomainErrorCode } from "@tribune/domain/kernel";
import { type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";

/** The one table from domain error codes to tRPC codes (and so to HTTP statuses). */
export const TRPC_CODE_OF: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  not_found: "NOT_FOUND",
  already_exists: "CONFLICT",
  invalid: "BAD_REQUEST",
  referenced: "CONFLICT",
  locked: "CONFLICT",
  unauthenticated: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  rate_limited: "TOO_MANY_REQUESTS",
  registration_closed: "CONFLICT",
};

/** Machine-readable code for errors tRPC raises itself (no DomainError behind them). */
const APP_CODE_OF_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  BAD_REQUEST: "invalid",
  UNAUTHORIZED: "unauthenticated",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not_found",
  TOO_MANY_REQUESTS: "rate_limited",
  PAYLOAD_TOO_LARGE: "too_large",
  METHOD_NOT_SUPPORTED: "method_not_supported",
  INTERNAL_SERVER_ERROR: "internal",
};

export const DATABASE_UNAVAILABLE = "database_unavailable";
export const DATABASE_UNAVAILABLE_MESSAGE =
  "La base de données est momentanément indisponible. Réessayez dans quelques secondes.";
/** Seconds a client is asked to wait before retrying (Retry-After) when the database is down. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * A lost or refused database connection (see `isDatabaseUnavailable`) as the error a caller
 * gets: 503, `database_unavailable`. Not the server's bug: the same request may work in a few
 * seconds. A write that was committed just as the connection died would still have answered
 * 503, so the promise is "a 503 means: send it again, with the same idempotency key".
 */
export function databaseUnavailableError(cause: unknown): TRPCError {
  return new TRPCError({
    code: "SERVICE_UNAVAILABLE",
    message: DATABASE_UNAVAILABLE_MESSAGE,
    cause,
  });
}

/** A database error unwrapped: `databaseUnavailableError` if the database was unreachable, else itself. */
export function asDatabaseUnavailable(error: unknown): unknown {
  return isDatabaseUnavailable(error) ? databaseUnavailableError(error) : error;
}

/** PostgreSQL's unique_violation, on the driver error that drizzle wraps. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
export const ALREADY_EXISTS_MESSAGE = "Cet élément existe déjà : un autre porte le même nom.";

export const INTERNAL_MESSAGE = "Erreur interne du serveur. L'incident a été consigné.";
const INVALID_MESSAGE = "Certaines données sont invalides.";

export interface ErrorDetails {
  appCode: string;
  message: string;
  fieldErrors: Record<string, string[]> | null;
  formErrors: string[] | null;
}

/** What a client may learn of an error: a code, a French message, per-field messages. */
export function describeError(
  code: TRPC_ERROR_CODE_KEY,
  message: string,
  cause: unknown,
): ErrorDetails {
  // A lost connection says so, whatever code it was raised with (a live stream's error, say).
  if (isDatabaseUnavailable(cause)) {
    return {
      appCode: DATABASE_UNAVAILABLE,
      message: DATABASE_UNAVAILABLE_MESSAGE,
      fieldErrors: null,
      formErrors: null,
    };
  }
  // Otherwise, whatever caused it, an internal error reveals nothing but the generic message.
  if (code === "INTERNAL_SERVER_ERROR") {
    return { appCode: "internal", message: INTERNAL_MESSAGE, fieldErrors: null, formErrors: null };
  }
  if (cause instanceof DomainError) {
    // A domain error may name the fields at fault (a survey response: one message per question).
    const fields = cause.details?.fieldErrors as Record<string, string[]> | undefined;
    return {
      appCode: cause.code,
      message: cause.message,
      fieldErrors: fields ?? null,
      formErrors: null,
    };
  }
  if (cause instanceof ZodError) {
    const flat = z.flattenError(cause);
    const fieldErrors = flat.fieldErrors as Record<string, string[]>;
    return {
      appCode: "invalid",
      message: flat.formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? INVALID_MESSAGE,
      fieldErrors,
      formErrors: flat.formErrors,
    };
  }
  return {
    appCode: APP_CODE_OF_TRPC[code] ?? "error",
    message,
    fieldErrors: null,
    formErrors: null,
  };
}

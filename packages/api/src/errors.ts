import { DomainError, type DomainErrorCode } from "@tribune/domain";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
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
  // Checked first: whatever caused it, an internal error reveals nothing but the generic message.
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

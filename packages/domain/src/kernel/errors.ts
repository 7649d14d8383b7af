/**
 * Errors the domain raises on purpose. Each carries a stable machine-readable code
 * (clients switch on it) and a French message fit to show a user as is.
 */
export const DOMAIN_ERROR_CODES = [
  "not_found",
  "already_exists",
  "invalid",
  "referenced",
  /** The record is settled (a motion once voted on) and may no longer change. */
  "locked",
  "unauthenticated",
  "forbidden",
  "rate_limited",
  /** Self-registration outside the edition's registration window. */
  "registration_closed",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DomainErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} introuvable.`);

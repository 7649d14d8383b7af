import { DomainError, type DomainErrorCode } from "./errors";

/**
 * What a decision function answers when a rule says no: which rule (a stable English reason,
 * for tests and logs), the kind of error it is at the API's edge, and the French sentence a
 * user reads. The wording lives with the rule, in the domain, next to the area's labels.
 */
export interface Refusal {
  /** Stable, English: "locked_by_votes", "section_unchanged". */
  reason: string;
  code: DomainErrorCode;
  /** French, shown to the user as is. */
  message: string;
  /** The form fields at fault, each with its message, when the refusal is about a field. */
  fieldErrors?: Record<string, string[]>;
}

/** A decision: allowed, with what the rule worked out, or refused. */
export type Decision<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; refusal: Refusal };

/** The error a service throws for a refusal (the API maps its code to a tRPC code). */
export function refusalError(refusal: Refusal): DomainError {
  return new DomainError(refusal.code, refusal.message, {
    reason: refusal.reason,
    ...(refusal.fieldErrors ? { fieldErrors: refusal.fieldErrors } : {}),
  });
}

/** What an allowed decision worked out; a refused one throws its error. */
export function enforce<T extends object>(decision: Decision<T>): { ok: true } & T {
  if (!decision.ok) throw refusalError(decision.refusal);
  return decision;
}

import { notFound } from "@tribune/domain/kernel";

/** Unwraps a lookup, or raises the domain's not_found with a French message naming the thing. */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw notFound(what);
  return value;
}

import { enforce, subdivisionAccess, subdivisionFilter } from "@tribune/domain";
import type { Actor } from "./context";

/**
 * The subdivision scope of member and registration lists, as the domain decides it
 * (`subdivisionScope`, `subdivisionAccess`, `subdivisionFilter` in @tribune/domain), raised
 * as errors for the routers that still call it directly.
 */
export { subdivisionScope } from "@tribune/domain";

/** Refuses (forbidden) anything about another subdivision than the actor's. */
export function assertMaySee(actor: Actor, subdivisionId: string): void {
  enforce(subdivisionAccess(actor, subdivisionId));
}

/**
 * The subdivision filter a list query really gets: the one asked for, within the actor's
 * scope. Returns null when the actor may see nothing at all.
 */
export function scopedSubdivision(
  actor: Actor,
  requested: string | undefined,
): { subdivisionId: string | undefined } | null {
  return enforce(subdivisionFilter(actor, requested)).filter;
}

import { DomainError } from "@tribune/domain";
import type { Actor } from "./context";

/**
 * Member lists are special-category personal data: admins and organisers see every
 * subdivision, a representative only their own (and nothing when none is set on their account).
 */
export function subdivisionScope(
  actor: Actor,
): { all: true } | { all: false; subdivisionId: string | null } {
  if (actor.role === "admin" || actor.role === "organiser") return { all: true };
  return {
    all: false,
    subdivisionId: actor.role === "representative" ? actor.subdivisionId : null,
  };
}

export const OUTSIDE_SUBDIVISION = "Vous n'avez accès qu'aux données de votre subdivision.";

/** Refuses (forbidden) anything about another subdivision than the actor's. */
export function assertMaySee(actor: Actor, subdivisionId: string): void {
  const scope = subdivisionScope(actor);
  if (!scope.all && scope.subdivisionId !== subdivisionId)
    throw new DomainError("forbidden", OUTSIDE_SUBDIVISION);
}

/**
 * The subdivision filter a list query really gets: the one asked for, within the actor's
 * scope. Returns null when the actor may see nothing at all.
 */
export function scopedSubdivision(
  actor: Actor,
  requested: string | undefined,
): { subdivisionId: string | undefined } | null {
  const scope = subdivisionScope(actor);
  if (scope.all) return { subdivisionId: requested };
  if (!scope.subdivisionId) return null;
  if (requested && requested !== scope.subdivisionId)
    throw new DomainError("forbidden", OUTSIDE_SUBDIVISION);
  return { subdivisionId: scope.subdivisionId };
}

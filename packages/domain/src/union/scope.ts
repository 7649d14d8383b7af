import type { Role } from "../auth/roles";
import type { Decision, Refusal } from "../kernel/refusal";

/**
 * Which subdivisions' people an account may see. Member and registration lists are
 * special-category personal data: admins and organisers see every subdivision, a
 * representative only their own (and nothing when none is set on their account).
 */
export interface ScopedActor {
  role: Role;
  subdivisionId: string | null;
}

export type SubdivisionScope = { all: true } | { all: false; subdivisionId: string | null };

export const SCOPE_REFUSALS = {
  outsideSubdivision: (): Refusal => ({
    reason: "outside_subdivision",
    code: "forbidden",
    message: "Vous n'avez accès qu'aux données de votre subdivision.",
  }),
  /** An export needs a subdivision to take its rows from. */
  withoutSubdivision: (): Refusal => ({
    reason: "without_subdivision",
    code: "forbidden",
    message: "Votre compte n'est rattaché à aucune subdivision.",
  }),
} as const;

export function subdivisionScope(actor: ScopedActor): SubdivisionScope {
  if (actor.role === "admin" || actor.role === "organiser") return { all: true };
  return {
    all: false,
    subdivisionId: actor.role === "representative" ? actor.subdivisionId : null,
  };
}

/** Whether the actor may see or change anything about this subdivision. */
export function subdivisionAccess(actor: ScopedActor, subdivisionId: string): Decision {
  const scope = subdivisionScope(actor);
  if (!scope.all && scope.subdivisionId !== subdivisionId)
    return { ok: false, refusal: SCOPE_REFUSALS.outsideSubdivision() };
  return { ok: true };
}

/**
 * The subdivision filter a list really gets: the one asked for, within the actor's scope
 * (`subdivisionId` undefined: all of them); `filter` null when the actor may see nothing at
 * all. Asking for another subdivision than one's own is refused.
 */
export function subdivisionFilter(
  actor: ScopedActor,
  requested: string | undefined,
): Decision<{ filter: { subdivisionId: string | undefined } | null }> {
  const scope = subdivisionScope(actor);
  if (scope.all) return { ok: true, filter: { subdivisionId: requested } };
  if (!scope.subdivisionId) return { ok: true, filter: null };
  if (requested && requested !== scope.subdivisionId)
    return { ok: false, refusal: SCOPE_REFUSALS.outsideSubdivision() };
  return { ok: true, filter: { subdivisionId: scope.subdivisionId } };
}

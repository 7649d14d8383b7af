import {
  countMembersByYear,
  listRepresentatives,
  listSubdivisionOptions,
  listSubdivisionSummaries,
} from "@tribune/db/repos/subdivisions";
import { enforce } from "@tribune/domain/kernel";
import {
  type SubdivisionDetail,
  type SubdivisionOption,
  type SubdivisionRef,
  type SubdivisionSummary,
  subdivisionAccess,
  UNION_LABELS,
} from "@tribune/domain/union";
import type { Actor } from "../../context";
import { found } from "../../found";
import type { ServiceContext } from "../kit";

/** Names only, for the public registration form. */
export const subdivisionOptions = (ctx: ServiceContext): Promise<SubdivisionOption[]> =>
  listSubdivisionOptions(ctx.db);

/** Every subdivision with its counts (aggregates only, no person named). */
export const subdivisionSummaries = (ctx: ServiceContext): Promise<SubdivisionSummary[]> =>
  listSubdivisionSummaries(ctx.db);

/** One subdivision with its representatives; a representative sees their own only. */
export async function getSubdivision(
  ctx: ServiceContext & { actor: Actor },
  { id }: SubdivisionRef,
): Promise<SubdivisionDetail> {
  enforce(subdivisionAccess(ctx.actor, id));
  const summary = (await listSubdivisionSummaries(ctx.db)).find((s) => s.id === id);
  const subdivision = found(summary, UNION_LABELS.subdivision);
  return {
    ...subdivision,
    representativeList: await listRepresentatives(ctx.db, id),
    membersByYear: await countMembersByYear(ctx.db, id),
  };
}

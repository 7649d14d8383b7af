import { findMember, listMembers } from "@tribune/db/repos/members";
import { enforce } from "@tribune/domain/kernel";
import {
  type Member,
  type MemberPage,
  type MemberQuery,
  type MemberRef,
  subdivisionAccess,
  subdivisionFilter,
  UNION_LABELS,
} from "@tribune/domain/union";
import type { Actor } from "../../context";
import { found } from "../../found";
import type { ServiceContext } from "../kit";

/**
 * A page of members, within the actor's scope: a representative sees their own subdivision's
 * only (and nothing without one), asking for another is refused.
 */
export async function listScopedMembers(
  ctx: ServiceContext & { actor: Actor },
  query: MemberQuery,
): Promise<MemberPage> {
  const { filter } = enforce(subdivisionFilter(ctx.actor, query.subdivisionId));
  if (!filter) return { items: [], total: 0 };
  return listMembers(ctx.db, { ...query, subdivisionId: filter.subdivisionId });
}

/** One member, if the actor may see their subdivision's members. */
export async function getMember(
  ctx: ServiceContext & { actor: Actor },
  { id }: MemberRef,
): Promise<Member> {
  const member = found(await findMember(ctx.db, id), UNION_LABELS.member);
  enforce(subdivisionAccess(ctx.actor, member.subdivisionId));
  return member;
}

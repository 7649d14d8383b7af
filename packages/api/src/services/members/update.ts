import { findMember, updateMember as writeMember } from "@tribune/db/repos/members";
import { enforce } from "@tribune/domain/kernel";
import {
  type Member,
  type MemberUpdate,
  subdivisionAccess,
  UNION_LABELS,
} from "@tribune/domain/union";
import type { Actor } from "../../context";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { refusingDuplicateEmail } from "./duplicate-email";

/**
 * A partial change of a member's record, audited. A representative changes their own
 * subdivision's members only, and cannot hand one over to another subdivision either.
 */
export function updateMember(
  ctx: ServiceContext & { actor: Actor },
  { id, ...patch }: MemberUpdate,
): Promise<Member> {
  return refusingDuplicateEmail(ctx, patch.email, "update", () =>
    change(ctx, async (tx, effects) => {
      const before = found(await findMember(tx, id), UNION_LABELS.member);
      enforce(subdivisionAccess(ctx.actor, before.subdivisionId));
      if (patch.subdivisionId) enforce(subdivisionAccess(ctx.actor, patch.subdivisionId));
      const member = await writeMember(tx, id, patch, before);
      await effects.audit({
        entity: "member",
        entityId: id,
        action: "update",
        before,
        after: member,
      });
      return member;
    }),
  );
}

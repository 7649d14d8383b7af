import { insertMember } from "@tribune/db/repos/members";
import { enforce } from "@tribune/domain/kernel";
import { type Member, type MemberInput, subdivisionAccess } from "@tribune/domain/union";
import type { Actor } from "../../context";
import { change, type ServiceContext } from "../kit";
import { refusingDuplicateEmail } from "./duplicate-email";

/** Records a member of a subdivision the actor may manage, audited; one address, one member. */
export function createMember(
  ctx: ServiceContext & { actor: Actor },
  input: MemberInput,
): Promise<Member> {
  enforce(subdivisionAccess(ctx.actor, input.subdivisionId));
  return refusingDuplicateEmail(ctx, input.email, "create", () =>
    change(ctx, async (tx, effects) => {
      const member = await insertMember(tx, input);
      await effects.audit({
        entity: "member",
        entityId: member.id,
        action: "create",
        after: member,
      });
      return member;
    }),
  );
}

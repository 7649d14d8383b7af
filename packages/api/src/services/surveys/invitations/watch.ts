import type { InvitationOverview } from "@tribune/domain/surveys";
import type { Actor } from "../../../context";
import { subjectChanges } from "../../../live";
import type { ServiceContext } from "../../kit";
import { surveyOf } from "../get";
import { invitationOverview } from "./overview";

/**
 * Live (SSE): the survey's invitations as the bureau sees them, at once and after each batch
 * sent — by this server or, on PostgreSQL, any other instance. Counts only, never an address.
 */
export async function watchInvitations(
  ctx: ServiceContext & { actor: Actor },
  { id }: { id: string },
  signal: AbortSignal | undefined,
): Promise<AsyncGenerator<InvitationOverview>> {
  const survey = await surveyOf(ctx.db, id);
  const changes = subjectChanges(ctx, "survey_invitations.changed", survey.id, signal, 200);
  return (async function* () {
    for await (const _ of changes) yield await invitationOverview(ctx, { id: survey.id });
  })();
}

import { campaignOf, countInvited, latestCampaign } from "@tribune/db/repos/survey-invitations";
import { effectiveCampaignStatus, type InvitationOverview } from "@tribune/domain/surveys";
import { clockOf, type ServiceContext } from "../../kit";
import { surveyOf } from "../get";

/**
 * What the bureau sees of a survey's invitations: its latest campaign with its counts (a
 * "running" one whose job stopped renewing its claim reads interrupted), how many addresses
 * received a link so far, and whether this server can send at all.
 */
export async function invitationOverview(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<InvitationOverview> {
  const survey = await surveyOf(ctx.db, id);
  const row = await latestCampaign(ctx.db, survey.id);
  const campaign = row
    ? campaignOf(
        row,
        effectiveCampaignStatus(
          { status: row.status, leaseUntil: row.leaseUntil ? new Date(row.leaseUntil) : null },
          clockOf(ctx).now(),
        ),
      )
    : null;
  return {
    campaign,
    invited: await countInvited(ctx.db, survey.id),
    canSend: Boolean(ctx.invitationMailer),
  };
}

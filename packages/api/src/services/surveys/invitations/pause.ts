import {
  campaignOf,
  lockRunningCampaign,
  pauseCampaign,
} from "@tribune/db/repos/survey-invitations";
import { refusalError } from "@tribune/domain/kernel";
import {
  effectiveCampaignStatus,
  INVITATION_REFUSALS,
  type InvitationCampaign,
} from "@tribune/domain/surveys";
import { change, clockOf, type ServiceContext } from "../../kit";
import { surveyOf } from "../get";
import { jobOfSurvey } from "./jobs";
import { publishInvitationChange } from "./start";

/**
 * Pauses the survey's running campaign, from any instance: its job records the batch in flight
 * and stops (at once when it runs in this process, at its next batch or heartbeat otherwise),
 * deleting the tokens it did not send. Sending the list again resumes: those already invited are
 * skipped. Audited by the job as it stops, with the counts.
 */
export async function pauseInvitations(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<InvitationCampaign> {
  const now = clockOf(ctx).now();
  const paused = await change(ctx, async (tx) => {
    const survey = await surveyOf(tx, id);
    const running = await lockRunningCampaign(tx, survey.id);
    const status = running
      ? effectiveCampaignStatus(
          {
            status: running.status,
            leaseUntil: running.leaseUntil ? new Date(running.leaseUntil) : null,
          },
          now,
        )
      : null;
    if (!running || status !== "running") throw refusalError(INVITATION_REFUSALS.notRunning());
    const row = await pauseCampaign(tx, running.id, now);
    if (!row) throw refusalError(INVITATION_REFUSALS.notRunning());
    return row;
  });
  jobOfSurvey(paused.surveyId)?.stop("paused");
  publishInvitationChange(ctx, paused.surveyId);
  return campaignOf(paused, "paused");
}

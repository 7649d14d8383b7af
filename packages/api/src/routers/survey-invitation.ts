import { SURVEY_MANAGERS } from "@tribune/domain/auth";
import {
  InvitationCampaign,
  InvitationOverview,
  InvitationRef,
  StartedInvitations,
  StartInvitationsInput,
} from "@tribune/domain/surveys";
import type { TRPCRouterRecord } from "@trpc/server";
import { invitationOverview } from "../services/surveys/invitations/overview";
import { pauseInvitations } from "../services/surveys/invitations/pause";
import { startInvitations } from "../services/surveys/invitations/start";
import { watchInvitations } from "../services/surveys/invitations/watch";
import { procedureFor } from "../trpc";

/**
 * Survey invitations by e-mail (`survey.invitations.*`), for the bureau and the administration:
 * each address of a list (or each member of the chosen subdivisions) receives its own one-time
 * link, sent in batches at the chosen rate. Nothing stored pairs an address with its link: the
 * answers are counts.
 */
export const surveyInvitationRouter = {
  /** The latest campaign's counts and state, and how many addresses were invited so far. */
  get: procedureFor(...SURVEY_MANAGERS)
    .input(InvitationRef)
    .output(InvitationOverview)
    .query(({ ctx, input }) => invitationOverview(ctx, input)),

  /**
   * Starts sending (the whole list refused if a line is not an address); answers once the
   * campaign is claimed, the sending goes on in the server. Resumes an interrupted or paused
   * campaign when the same list is sent again: those already invited are skipped. To the
   * members of subdivisions: only those whose membership is current; the answer counts the
   * others by status.
   */
  start: procedureFor(...SURVEY_MANAGERS)
    .input(StartInvitationsInput)
    .output(StartedInvitations)
    .mutation(async ({ ctx, input }) => {
      const { campaign, membersLeftOut } = await startInvitations(ctx, input);
      return { ...campaign, membersLeftOut };
    }),

  /** Pauses the running campaign after the batch in flight. */
  pause: procedureFor(...SURVEY_MANAGERS)
    .input(InvitationRef)
    .output(InvitationCampaign)
    .mutation(({ ctx, input }) => pauseInvitations(ctx, input)),

  /** Live (SSE): the counts after each batch, for the progress bar. */
  live: procedureFor(...SURVEY_MANAGERS)
    .input(InvitationRef)
    .subscription(({ ctx, input, signal }) => watchInvitations(ctx, input, signal)),
} satisfies TRPCRouterRecord;

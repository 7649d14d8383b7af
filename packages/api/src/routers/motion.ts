import { DOSSIER_EDITORS, MOTION_READERS, VOTE_RECORDERS } from "@tribune/domain/auth";
import {
  CaMeeting,
  CaMeetingInput,
  CaMeetingRef,
  CaMeetingUpdate,
  Motion,
  MotionDetail,
  MotionInput,
  MotionOverview,
  MotionRef,
  MotionUpdate,
  VoteInput,
} from "@tribune/domain/dossiers";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { createMotion } from "../services/motions/create";
import { createMeeting } from "../services/motions/create-meeting";
import { deleteMotion } from "../services/motions/delete";
import { deleteMeeting } from "../services/motions/delete-meeting";
import { getMotion } from "../services/motions/get";
import { listMotions } from "../services/motions/list";
import { listMeetings } from "../services/motions/meetings";
import { updateMotion } from "../services/motions/update";
import { updateMeeting } from "../services/motions/update-meeting";
import { vote } from "../services/motions/vote";
import { procedureFor } from "../trpc";

const reader = procedureFor(...MOTION_READERS);
const editor = procedureFor(...DOSSIER_EDITORS);
const recorder = procedureFor(...VOTE_RECORDERS);

export const motionRouter = {
  /** Meetings of the Conseil d'Administration, the most recent first. */
  meetings: reader.output(z.array(CaMeeting)).query(({ ctx }) => listMeetings(ctx)),

  createMeeting: editor
    .input(CaMeetingInput)
    .output(CaMeeting)
    .mutation(({ ctx, input }) => createMeeting(ctx, input)),

  updateMeeting: editor
    .input(CaMeetingUpdate)
    .output(CaMeeting)
    .mutation(({ ctx, input }) => updateMeeting(ctx, input)),

  /** Only a meeting without motions: a motion's record always names its meeting. */
  deleteMeeting: editor
    .input(CaMeetingRef)
    .output(CaMeetingRef)
    .mutation(({ ctx, input }) => deleteMeeting(ctx, input)),

  /** Every motion with its meeting and its result so far. */
  list: reader.output(z.array(MotionOverview)).query(({ ctx }) => listMotions(ctx)),

  get: reader
    .input(MotionRef)
    .output(MotionDetail)
    .query(({ ctx, input }) => getMotion(ctx, input)),

  create: editor
    .input(MotionInput)
    .output(Motion)
    .mutation(({ ctx, input }) => createMotion(ctx, input)),

  /**
   * Changes a motion. Once a subdivision has voted, its text, rule and meeting are locked
   * (code `locked`): they are what was voted on. The title and the linked dossier stay free.
   */
  update: editor
    .input(MotionUpdate)
    .output(Motion)
    .mutation(({ ctx, input }) => updateMotion(ctx, input)),

  /** Only before the first vote: a voted motion is a decision of the CA and stays on record. */
  delete: editor
    .input(MotionRef)
    .output(MotionRef)
    .mutation(({ ctx, input }) => deleteMotion(ctx, input)),

  /**
   * Records one subdivision's vote (a new vote replaces the previous one). A representative
   * votes for their own subdivision only; admin records any subdivision's vote.
   */
  vote: recorder
    .input(VoteInput)
    .output(MotionDetail)
    .mutation(({ ctx, input }) => vote(ctx, input)),
} satisfies TRPCRouterRecord;

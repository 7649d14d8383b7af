import {
  type Executor,
  findCaMeeting,
  findDossier,
  findMotion,
  findSubdivision,
  insertCaMeeting,
  insertMotion,
  listCaMeetings,
  listMotions,
  listMotionVotes,
  listSubdivisionOptions,
  recordAudit,
  recordVote,
} from "@tribune/db";
import {
  CaMeeting,
  CaMeetingInput,
  DOSSIER_EDITORS,
  DomainError,
  MOTION_READERS,
  Motion,
  MotionDetail,
  MotionInput,
  MotionOverview,
  motionResult,
  VOTE_RECORDERS,
  VoteInput,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import { found } from "../found";
import { procedureFor } from "../trpc";

const reader = procedureFor(...MOTION_READERS);
const editor = procedureFor(...DOSSIER_EDITORS);
const recorder = procedureFor(...VOTE_RECORDERS);

async function detail(db: Executor, motion: Motion): Promise<MotionDetail> {
  const meeting = found(await findCaMeeting(db, motion.meetingId), "Conseil d'Administration");
  const recorded = new Map(
    (await listMotionVotes(db, motion.id)).map((v) => [v.subdivisionId, v.choice]),
  );
  const votes = (await listSubdivisionOptions(db)).map((s) => ({
    subdivisionId: s.id,
    subdivisionName: s.name,
    choice: recorded.get(s.id) ?? null,
  }));
  const result = motionResult(
    motion,
    [...recorded.values()].map((choice) => ({ choice })),
  );
  return { ...motion, meeting, result, votes };
}

export const motionRouter = {
  /** Meetings of the Conseil d'Administration, the most recent first. */
  meetings: reader.output(z.array(CaMeeting)).query(({ ctx }) => listCaMeetings(ctx.db)),

  createMeeting: editor
    .input(CaMeetingInput)
    .output(CaMeeting)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        if (input.hostSubdivisionId)
          found(await findSubdivision(tx, input.hostSubdivisionId), "Subdivision");
        const meeting = await insertCaMeeting(tx, {
          date: input.date,
          city: input.city,
          hostSubdivisionId: input.hostSubdivisionId ?? null,
          note: input.note ?? "",
        });
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "ca_meeting",
          entityId: meeting.id,
          action: "create",
          after: meeting,
        });
        return meeting;
      }),
    ),

  /** Every motion with its meeting and its result so far. */
  list: reader.output(z.array(MotionOverview)).query(async ({ ctx }) => {
    const [motions, meetings, votes] = await Promise.all([
      listMotions(ctx.db),
      listCaMeetings(ctx.db),
      listMotionVotes(ctx.db),
    ]);
    const meetingById = new Map(meetings.map((m) => [m.id, m]));
    return motions.map((motion) => ({
      ...motion,
      meeting: found(meetingById.get(motion.meetingId), "Conseil d'Administration"),
      result: motionResult(
        motion,
        votes.filter((v) => v.motionId === motion.id),
      ),
    }));
  }),

  get: reader
    .input(z.object({ id: z.uuid() }))
    .output(MotionDetail)
    .query(async ({ ctx, input }) =>
      detail(ctx.db, found(await findMotion(ctx.db, input.id), "Motion")),
    ),

  create: editor
    .input(MotionInput)
    .output(Motion)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        found(await findCaMeeting(tx, input.meetingId), "Conseil d'Administration");
        if (input.dossierId) found(await findDossier(tx, input.dossierId), "Dossier");
        const motion = await insertMotion(tx, input);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "motion",
          entityId: motion.id,
          action: "create",
          after: motion,
        });
        return motion;
      }),
    ),

  /**
   * Records one subdivision's vote (a new vote replaces the previous one). A representative
   * votes for their own subdivision only; admin records any subdivision's vote.
   */
  vote: recorder
    .input(VoteInput)
    .output(MotionDetail)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const { actor } = ctx;
        let subdivisionId: string;
        if (actor.role === "admin") {
          if (!input.subdivisionId)
            throw new DomainError(
              "invalid",
              "Indiquez la subdivision dont vous enregistrez le vote.",
            );
          subdivisionId = input.subdivisionId;
        } else {
          if (!actor.subdivisionId)
            throw new DomainError("forbidden", "Votre compte n'est rattaché à aucune subdivision.");
          if (input.subdivisionId && input.subdivisionId !== actor.subdivisionId)
            throw new DomainError(
              "forbidden",
              "Vous ne pouvez voter que pour votre propre subdivision.",
            );
          subdivisionId = actor.subdivisionId;
        }
        const motion = found(await findMotion(tx, input.motionId), "Motion");
        found(await findSubdivision(tx, subdivisionId), "Subdivision");
        const before = (await listMotionVotes(tx, motion.id)).find(
          (v) => v.subdivisionId === subdivisionId,
        );
        await recordVote(tx, {
          motionId: motion.id,
          subdivisionId,
          choice: input.choice,
          recordedBy: actor.id,
        });
        await recordAudit(tx, auditActor(actor), {
          entity: "motion",
          entityId: motion.id,
          action: "vote",
          before: before ? { subdivisionId, choice: before.choice } : null,
          after: { subdivisionId, choice: input.choice },
        });
        return detail(tx, motion);
      }),
    ),
} satisfies TRPCRouterRecord;
